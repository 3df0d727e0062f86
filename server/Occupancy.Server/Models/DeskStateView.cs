namespace Occupancy.Server.Models;

/// <summary>A desk's new live state, as pushed to dashboards watching its floor.</summary>
public sealed record DeskStateView(string SpaceId, string FloorId, string Id, string State);
