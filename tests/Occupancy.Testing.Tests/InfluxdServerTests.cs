using System.Text.Json;

namespace Occupancy.Testing.Tests;

public sealed class InfluxdServerTests(InfluxdFixture influxd) : IClassFixture<InfluxdFixture>
{
    [Fact]
    public async Task InfluxdServer_WhenAPointIsWrittenOverHttp_ReturnsItFromQuery()
    {
        var server = influxd.Server;
        await server.CreateDatabaseAsync("fixture_write");

        await server.WriteAsync("fixture_write", "desk_state,desk=d-1 occupied=1i 1700000000000", precision: "ms");

        var rows = await server.QueryRowsAsync("fixture_write", "SELECT occupied FROM desk_state WHERE desk = 'd-1'", epoch: "ms");
        var row = Assert.Single(rows);
        Assert.Equal(1700000000000, row["time"].GetInt64());
        Assert.Equal(1, row["occupied"].GetInt64());
    }

    [Fact]
    public async Task InfluxdServer_WhenTheDatabaseIsMissing_ReportsInfluxdsError()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => influxd.Server.WriteAsync("no_such_database", "m v=1"));

        Assert.Contains("database not found", error.Message);
    }

    [Fact]
    public async Task InfluxdServer_QueryAsync_ReturnsInfluxdsJson()
    {
        var json = await influxd.Server.QueryAsync("", "SHOW DATABASES");

        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.TryGetProperty("results", out _));
    }

    [Fact]
    public async Task InfluxdServer_AfterRestart_KeepsItsPortAndData()
    {
        await using var server = await InfluxdServer.StartAsync();
        await server.CreateDatabaseAsync("restart");
        await server.WriteAsync("restart", "m v=42i 1", precision: "s");
        var port = server.Port;
        var firstPid = server.ProcessId;

        await server.RestartAsync();

        Assert.Equal(port, server.Port);
        Assert.NotEqual(firstPid, server.ProcessId);
        Assert.False(ProcessTable.IsRunning(firstPid, "influxd"));
        var row = Assert.Single(await server.QueryRowsAsync("restart", "SELECT v FROM m"));
        Assert.Equal(42, row["v"].GetInt64());
    }

    [Fact]
    public async Task InfluxdServer_AfterAKill_StillHasEveryAcknowledgedWrite()
    {
        await using var server = await InfluxdServer.StartAsync();
        await server.CreateDatabaseAsync("crash");
        var lines = string.Join('\n', Enumerable.Range(1, 500).Select(i => $"m v={i}i {i}"));
        await server.WriteAsync("crash", lines, precision: "s");

        await server.KillAsync();
        await server.RestartAsync();

        var row = Assert.Single(await server.QueryRowsAsync("crash", "SELECT count(v) FROM m"));
        Assert.Equal(500, row["count"].GetInt64());
    }

    [Fact]
    public async Task InfluxdServer_AfterDispose_LeavesNoProcessAndNoDataFolder()
    {
        var server = await InfluxdServer.StartAsync();
        var pid = server.ProcessId;
        var folder = server.DataFolder;
        Assert.True(ProcessTable.IsRunning(pid, "influxd"));

        await server.DisposeAsync();

        Assert.False(ProcessTable.IsRunning(pid, "influxd"));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task InfluxdServer_TwoInstances_RunSideBySide()
    {
        await using var first = await InfluxdServer.StartAsync();
        await using var second = await InfluxdServer.StartAsync();

        Assert.NotEqual(first.Port, second.Port);
        Assert.True(ProcessTable.IsRunning(first.ProcessId, "influxd"));
        Assert.True(ProcessTable.IsRunning(second.ProcessId, "influxd"));
    }
}
