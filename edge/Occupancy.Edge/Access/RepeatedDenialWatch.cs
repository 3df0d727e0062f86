namespace Occupancy.Edge.Access;

/// <summary>
/// Raises an alarm when one door denies again and again in a short time (someone trying
/// cards), once per burst: the next alarm needs the door to have calmed down first.
/// </summary>
public sealed class RepeatedDenialWatch(int threshold = 5, long windowMs = 60_000)
{
    /// <summary>The alarm's name in the audit and in InfluxDB's door_alarm, beside the readers' own (forced, held-open).</summary>
    public const string Alarm = "repeated-denial";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _denials = new(StringComparer.Ordinal);
    private readonly HashSet<string> _alarmed = new(StringComparer.Ordinal);

    /// <summary>Notes a decision; true when this denial is the one that should raise the alarm.</summary>
    public bool Note(string doorId, bool granted, long nowMs)
    {
        lock (_gate)
        {
            if (!_denials.TryGetValue(doorId, out var times))
            {
                _denials[doorId] = times = new Queue<long>();
            }

            while (times.Count > 0 && nowMs - times.Peek() > windowMs)
            {
                times.Dequeue();
            }

            if (granted)
            {
                return false;
            }

            times.Enqueue(nowMs);
            if (times.Count < threshold)
            {
                if (times.Count == 1)
                {
                    _alarmed.Remove(doorId);
                }

                return false;
            }

            return _alarmed.Add(doorId);
        }
    }
}
