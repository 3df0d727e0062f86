using Occupancy.Edge.Occupancy;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// One record of the outbox: its log sequence number (1, 2, 3, … with no gaps), when the edge
/// appended it (edge clock, epoch ms) and the event.
/// </summary>
public readonly record struct OutboxEntry(long Lsn, long AppendedMs, EdgeEvent Event);
