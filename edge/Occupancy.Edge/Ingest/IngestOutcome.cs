namespace Occupancy.Edge.Ingest;

/// <summary>What became of a device message, and so what the broker should tell the device.</summary>
public enum IngestOutcome
{
    /// <summary>On disk: acknowledge it.</summary>
    Recorded,

    /// <summary>Wrong for good (bad topic, payload, device) and counted: acknowledge or refuse it, never redeliver.</summary>
    Refused,

    /// <summary>Could not be written now: it must come again, so do not acknowledge it.</summary>
    NotRecorded,
}
