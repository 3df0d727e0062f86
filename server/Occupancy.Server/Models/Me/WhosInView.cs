namespace Occupancy.Server.Models.Me;

/// <summary>A space's "who's in" today (its local date) and whether the asking member is checked in there.</summary>
public sealed record WhosInView(string SpaceId, string Day, bool YouAreIn, WhosInEntry[] Members);
