namespace Occupancy.Server.Data;

/// <summary>
/// What stays of access log entries after retention deleted them: how many of each kind and reason a door had on
/// a (UTC) day. No member, no time of day.
/// </summary>
public sealed class AccessDailyCount
{
    public required string SpaceId { get; set; }

    public DateOnly Day { get; set; }

    public required string DoorId { get; set; }

    public required string Kind { get; set; }

    public required string Reason { get; set; }

    public int Count { get; set; }
}
