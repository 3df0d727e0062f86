using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Uplink;

namespace Occupancy.Edge.Uplink;

/// <summary>
/// Forwards door decisions and alarms from the outbox to the server's access log, store-and-forward: through its
/// own outbox cursor, which moves only after the server answered that it stored the batch. While the server is
/// away the records wait in the outbox; after a crash between the server's answer and the cursor's save the batch
/// goes again, and the server stores each event once (by its id).
/// </summary>
public sealed class AccessEventForwarder(OutboxLog outbox) : IDisposable
{
    private const int MaxBatch = 500;

    private readonly OutboxConsumer _consumer = outbox.Consumer(OutboxConsumers.Audit);
    private readonly List<(AccessEvent Event, long Lsn)> _pending = [];
    private readonly List<OutboxEntry> _entries = new(256);
    private OutboxReader? _reader;
    private long _readThrough;

    /// <summary>Sends everything the outbox holds beyond the cursor; throws when the server cannot be reached (nothing is lost).</summary>
    public async Task ForwardAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        _reader ??= outbox.OpenReader(_readThrough = _consumer.Position);
        while (true)
        {
            Fill();
            if (_pending.Count == 0)
            {
                if (_readThrough > _consumer.Position)
                {
                    _consumer.Commit(_readThrough, null);
                }

                return;
            }

            var batch = _pending.Take(MaxBatch).ToArray();
            await connection.InvokeAsync(nameof(IEdgeHub.PushAccessEvents), batch.Select(b => b.Event).ToArray(), cancellationToken);
            _pending.RemoveRange(0, batch.Length);

            // Done through the record before the next one still waiting (or all that was read).
            long through = _pending.Count > 0 ? _pending[0].Lsn - 1 : _readThrough;
            _consumer.Commit(through, null);
        }
    }

    public void Dispose() => _reader?.Dispose();

    private void Fill()
    {
        while (_pending.Count < MaxBatch && _reader!.Read(_entries, MaxBatch) > 0)
        {
            foreach (var entry in _entries)
            {
                if (ToAccessEvent(entry.Event) is { } e)
                {
                    _pending.Add((e, entry.Lsn));
                }
            }

            _readThrough = _reader.Position;
            _entries.Clear();
        }
    }

    public static AccessEvent? ToAccessEvent(EdgeEvent e) => e switch
    {
        AccessDecisionEvent d => new AccessEvent(
            AccessEvent.IdOf(AccessEvent.Decision, d.DoorId, d.TimestampMs, d.Seq), AccessEvent.Decision, d.DoorId, d.Granted, d.Reason, d.Member, d.TimestampMs),
        DoorAlarmEvent a => new AccessEvent(
            AccessEvent.IdOf(a.Active ? AccessEvent.Alarm : AccessEvent.AlarmCleared, a.DoorId, a.TimestampMs, a.Seq),
            a.Active ? AccessEvent.Alarm : AccessEvent.AlarmCleared,
            a.DoorId,
            false,
            a.Alarm,
            "",
            a.TimestampMs),
        _ => null,
    };
}
