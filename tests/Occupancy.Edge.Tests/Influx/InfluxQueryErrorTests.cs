using Occupancy.Influx;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Influx;

/// <summary>The InfluxDB client the edge (and the server) reads with, against a real influxd.</summary>
public sealed class InfluxQueryErrorTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    [Fact]
    public async Task AStatementInfluxDbRefuses_ThrowsWithInfluxDbsOwnMessage()
    {
        using var http = new HttpClient();
        var client = new InfluxV1Client(http, new InfluxConnection { Url = influx.Server.BaseUri.ToString(), Database = "no_such_database" });

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => client.QueryJsonAsync("SELECT * FROM desk_usage", CancellationToken.None));

        Assert.Contains("database not found", error.Message);
    }
}
