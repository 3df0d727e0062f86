namespace Occupancy.Server.Models;

/// <summary>
/// One access log entry as hosts of its space (and the member themself) see it. <paramref name="MemberName"/> is
/// resolved on the server from the pseudonym the edge sent; null when the credential was unknown.
/// </summary>
public sealed record AccessLogView(
    long Id, string SpaceId, string DoorId, string Kind, bool Granted, string Reason, Guid? MemberId, string? MemberName, DateTimeOffset At);
