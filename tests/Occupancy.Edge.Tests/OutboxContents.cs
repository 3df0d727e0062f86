using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;

namespace Occupancy.Edge.Tests;

/// <summary>Everything an outbox holds, in order, as a test reads it back.</summary>
internal static class OutboxContents
{
    public static List<EdgeEvent> Events(TestEdge edge) => Events(edge.Get<OutboxLog>());

    public static List<EdgeEvent> Events(OutboxLog outbox)
    {
        var events = new List<EdgeEvent>();
        using var reader = outbox.OpenReader(0);
        var entries = new List<OutboxEntry>();
        while (reader.Read(entries, 100) > 0)
        {
            events.AddRange(entries.Select(e => e.Event));
            entries.Clear();
        }

        return events;
    }
}
