using System.Text.Json;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Options;
using Occupancy.Uplink;

namespace Occupancy.Edge.Access;

/// <summary>
/// The edge's copy of the site's passes, kept on disk so doors keep deciding after a restart
/// without the server. A replica replaces the current one only if its version is newer, so a
/// late or repeated delivery never rolls access back. The time of the last sync tells hosts how
/// old the replica is while the server is away.
/// </summary>
public sealed class AccessReplicaStore
{
    public const string FileName = "access-replica.json";

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Stored? _current;

    public AccessReplicaStore(IOptions<EdgeOptions> options, TimeProvider time)
    {
        _path = Path.Combine(options.Value.DataDirectory, FileName);
        _time = time;
        if (File.Exists(_path))
        {
            _current = JsonSerializer.Deserialize<Stored>(File.ReadAllText(_path));
        }
    }

    public AccessReplica? Current => _current?.Replica;

    /// <summary>When the server last confirmed the replica (epoch ms); null before the first sync.</summary>
    public long? SyncedAtMs => _current?.SyncedAtMs;

    /// <summary>How long ago the server last confirmed the replica; null before the first sync.</summary>
    public TimeSpan? Age => _current is null ? null : _time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(_current.SyncedAtMs);

    /// <summary>Takes a replica from the server; false (and nothing changes) when it is not newer than the one held.</summary>
    public bool Apply(AccessReplica replica)
    {
        lock (_gate)
        {
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            if (_current is not null && replica.Version < _current.Replica.Version)
            {
                return false;
            }

            // The same version again still counts as a sync: the server confirmed nothing changed.
            bool newer = _current is null || replica.Version > _current.Replica.Version;
            _current = new Stored(newer ? replica : _current!.Replica, now);
            Save();
            return newer;
        }
    }

    /// <summary>The server said the replica held is still its newest: it is as fresh as a new one.</summary>
    public void Confirm()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                _current = _current with { SyncedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds() };
                Save();
            }
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        string temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_current));
        File.Move(temporary, _path, overwrite: true);
    }

    private sealed record Stored(AccessReplica Replica, long SyncedAtMs);
}
