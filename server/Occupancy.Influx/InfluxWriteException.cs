using System.Net;

namespace Occupancy.Influx;

/// <summary>InfluxDB refused a write or a query. <see cref="IsPermanent"/> when retrying the same lines can never succeed.</summary>
public sealed class InfluxWriteException(HttpStatusCode status, string body)
    : Exception($"InfluxDB answered {(int)status} {status}: {body}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>A 4xx other than auth/throttling: malformed lines or a field type conflict.</summary>
    public bool IsPermanent => (int)Status is >= 400 and < 500 and not 401 and not 403 and not 404 and not 408 and not 429;
}
