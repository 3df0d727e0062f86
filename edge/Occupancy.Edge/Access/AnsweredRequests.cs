namespace Occupancy.Edge.Access;

/// <summary>
/// The last answers given at each door, by request nonce, so that a request the reader sends
/// again (its PUBACK was lost, or it came out of the reader's offline queue twice) gets the same
/// answer instead of a second decision: one tap, one decision, one audit record. A phone code
/// would otherwise be refused as replayed on the repeat, and a denial counted twice.
/// Kept in memory for the last <see cref="PerDoor"/> requests of each door: a resend comes
/// within seconds, and an answer is useless once its command has expired anyway.
/// </summary>
public sealed class AnsweredRequests
{
    public const int PerDoor = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Answered>> _doors = new(StringComparer.Ordinal);

    /// <summary>The earlier answer to this nonce at this door, if there was one.</summary>
    public bool TryGet(string doorId, string nonce, out Answered answered)
    {
        lock (_gate)
        {
            if (_doors.TryGetValue(doorId, out var recent))
            {
                foreach (var entry in recent)
                {
                    if (entry.Nonce == nonce)
                    {
                        answered = entry;
                        return true;
                    }
                }
            }

            answered = default;
            return false;
        }
    }

    /// <summary>Remembers an answer once its decision is recorded (record <paramref name="lsn"/>).</summary>
    public void Remember(string doorId, string nonce, long seq, DoorAnswer answer, long lsn)
    {
        lock (_gate)
        {
            if (!_doors.TryGetValue(doorId, out var recent))
            {
                _doors[doorId] = recent = new Queue<Answered>(PerDoor);
            }

            if (recent.Count == PerDoor)
            {
                recent.Dequeue();
            }

            recent.Enqueue(new Answered(nonce, seq, answer, lsn));
        }
    }

    /// <summary>An answer given: to which request (nonce and the reader's sequence number), and the record of its decision.</summary>
    public readonly record struct Answered(string Nonce, long Seq, DoorAnswer Answer, long Lsn);
}
