namespace Occupancy.Server.Models.Me;

/// <summary>What a member may change about themselves: whether they are shown in "who's in", and the line shown with their name.</summary>
public sealed record ProfileRequest(bool ShowInWhosIn, string? Headline);
