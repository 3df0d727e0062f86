namespace Occupancy.Edge.Occupancy;

/// <summary>
/// What became of an accepted message: <see cref="Accepted"/> is false when the outbox had no room
/// (the disk is failing and too much waits for it). Otherwise the device may be acknowledged once
/// record <see cref="WaitLsn"/> is on disk: the message's own record, or, for a message that
/// changed nothing, the record of the state it confirmed. <see cref="Answer"/> is the command to send
/// the device (a door request's answer).
/// </summary>
public readonly record struct Recorded(bool Accepted, long WaitLsn, bool Duplicate = false, bool CouldPassLater = false, Access.DoorAnswer? Answer = null)
{
    /// <summary>The outbox had no room for it: the same message may be accepted once the disk recovers.</summary>
    public static Recorded NoRoom => new(false, 0, CouldPassLater: true);

    /// <summary>The message was refused before reaching the outbox.</summary>
    public static Recorded Refused => new(false, 0);
}
