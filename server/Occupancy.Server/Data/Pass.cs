namespace Occupancy.Server.Data;

/// <summary>
/// What a member may open: the named spaces (all their doors, or only <see cref="Doors"/>), on
/// <see cref="Weekdays"/> between <see cref="Opens"/> and <see cref="Closes"/> in each space's own time zone,
/// from <see cref="ValidFrom"/> to <see cref="ValidTo"/> (inclusive local dates), unless suspended or revoked.
/// </summary>
public sealed class Pass
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Bit (1 &lt;&lt; (int)DayOfWeek) per allowed day; see <see cref="PassWeekdays"/>.</summary>
    public int Weekdays { get; set; } = PassWeekdays.All;

    /// <summary>Start of the daily window; null with <see cref="Closes"/> null means all day.</summary>
    public TimeOnly? Opens { get; set; }

    /// <summary>End of the daily window; earlier than <see cref="Opens"/> means the window runs past midnight.</summary>
    public TimeOnly? Closes { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool Suspended { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The network access version of the pass's last change (stamped on save by AccessChangeInterceptor).</summary>
    public long Version { get; set; }

    public List<PassSpace> Spaces { get; set; } = [];

    public List<PassDoor> Doors { get; set; } = [];
}
