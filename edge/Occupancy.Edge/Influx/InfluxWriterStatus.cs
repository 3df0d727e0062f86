namespace Occupancy.Edge.Influx;

/// <summary>How writing to InfluxDB goes, for readiness; updated by the writer only.</summary>
public sealed class InfluxWriterStatus
{
    private readonly Lock _gate = new();
    private string? _lastError;
    private DateTimeOffset? _failingSince;
    private DateTimeOffset? _lastSuccess;
    private long _deadLettered;

    public (bool Failing, string? LastError, DateTimeOffset? FailingSince, DateTimeOffset? LastSuccess, long DeadLettered) Read()
    {
        lock (_gate)
        {
            return (_failingSince is not null, _lastError, _failingSince, _lastSuccess, _deadLettered);
        }
    }

    public void Succeeded(DateTimeOffset now)
    {
        lock (_gate)
        {
            _lastSuccess = now;
            _failingSince = null;
            _lastError = null;
        }
    }

    public void Failed(DateTimeOffset now, string error)
    {
        lock (_gate)
        {
            _failingSince ??= now;
            _lastError = error;
        }
    }

    public void DeadLettered(int lines)
    {
        lock (_gate)
        {
            _deadLettered += lines;
        }
    }
}
