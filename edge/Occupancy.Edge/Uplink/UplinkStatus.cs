namespace Occupancy.Edge.Uplink;

/// <summary>The state of the server link, for readiness and metrics.</summary>
public sealed class UplinkStatus
{
    private readonly Lock _gate = new();
    private string _state = "connecting";
    private string? _lastError;
    private DateTimeOffset _since = DateTimeOffset.UtcNow;

    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _state == "connected";
            }
        }
    }

    public (string State, string? LastError, DateTimeOffset Since) Read()
    {
        lock (_gate)
        {
            return (_state, _lastError, _since);
        }
    }

    public void Connected(DateTimeOffset now) => Set("connected", null, now);

    public void Disconnected(DateTimeOffset now, string error) => Set("disconnected", error, now);

    private void Set(string state, string? error, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state != state)
            {
                _since = now;
            }

            _state = state;
            _lastError = error;
        }
    }
}
