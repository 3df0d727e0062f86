namespace Occupancy.Edge.Usage;

/// <summary>
/// What the roll-up keeps per desk: not the history, only what the rows still to be written need.
/// Public settable properties because it is saved as JSON with the InfluxDB writer's cursor.
/// </summary>
public sealed class DeskTimeline
{
    public string DeskId { get; set; } = "";

    public string FloorId { get; set; } = "";

    public string Zone { get; set; } = "";

    /// <summary>Time of the latest change (never moves backwards).</summary>
    public long LastTs { get; set; }

    /// <summary>The state since <see cref="LastTs"/>: see <see cref="UsageStates"/>.</summary>
    public byte LastState { get; set; }

    /// <summary>Start of the interval holding <see cref="LastTs"/>.</summary>
    public long CurrentStart { get; set; }

    /// <summary>Occupied and known milliseconds of the current interval before <see cref="LastTs"/>.</summary>
    public long CurrentOccupiedMs { get; set; }

    public long CurrentKnownMs { get; set; }

    /// <summary>Rows of intervals before this are written and still right; from here on they are due.</summary>
    public long PendingFrom { get; set; }

    /// <summary>Rows may exist for intervals ending at or before this, so a row of zeros there must still be written, to overwrite.</summary>
    public long WrittenEnd { get; set; }

    /// <summary>Final rows of intervals the desk's own changes have moved past, not written yet.</summary>
    public List<RowRun> Runs { get; set; } = [];
}
