namespace Occupancy.Server.Data;

/// <summary>
/// A member saying "I'm here today" at a space: the signal "who's in" uses until door grants reach the server.
/// One per member, space and local day (the space's time zone); nothing older than the day is ever shown.
/// </summary>
public sealed class CheckIn
{
    public Guid MemberId { get; set; }

    public required string SpaceId { get; set; }

    /// <summary>The day in the space's own time zone.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset At { get; set; }
}
