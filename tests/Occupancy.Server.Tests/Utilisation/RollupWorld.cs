using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Testing;

namespace Occupancy.Server.Tests.Utilisation;

/// <summary>
/// A real influxd, empty but for what each test writes the way the edge writes it, and a server reading it whose clock
/// stands at Friday 2026-11-27 12:00 UTC (13:00 in Berlin), shared by a test class. Each test uses its own days.
/// </summary>
public sealed class RollupWorld : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private InfluxdServer? _influxd;
    private OccupancyServerFactory? _server;

    public InfluxdServer Influxd => _influxd ?? throw new InvalidOperationException("Not started.");

    public OccupancyServerFactory Server => _server ?? throw new InvalidOperationException("Not started.");

    public Session Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _influxd = await InfluxdServer.StartAsync();
        await _influxd.CreateDatabaseAsync(KnownWeek.Database);
        _server = new OccupancyServerFactory(settings: KnownWeek.Settings(_influxd)) { Clock = new FakeTimeProvider(Now) };
        Admin = await Session.AdminAsync(_server);
    }

    /// <summary>
    /// Desk <paramref name="desk"/> (floor-1, zone quiet) taken for <paramref name="minutes"/> from <paramref name="startUtc"/>:
    /// its 5-minute desk_usage rows, their hourly sums in desk_usage_1h and the floor's site_usage rows, as the edge writes them.
    /// </summary>
    public async Task OccupyAsync(string desk, DateTimeOffset startUtc, int minutes)
    {
        var lines = new StringBuilder();
        var hours = new SortedDictionary<long, double>();
        for (var offset = 0; offset < minutes; offset += 5)
        {
            var time = startUtc.AddMinutes(offset).ToUnixTimeMilliseconds();
            lines.Append(CultureInfo.InvariantCulture, $"desk_usage,desk={desk},floor=floor-1,site=hq,zone=quiet known_s=300,occupied_s=300 {time}\n");
            lines.Append(CultureInfo.InvariantCulture, $"site_usage,floor=floor-1,site=hq known_s=300,occupied_s=300 {time}\n");
            var hour = time - (time % 3_600_000);
            hours[hour] = hours.GetValueOrDefault(hour) + 300;
        }

        foreach (var (hour, seconds) in hours)
        {
            lines.Append(CultureInfo.InvariantCulture, $"desk_usage_1h,desk={desk},floor=floor-1,site=hq,zone=quiet known_s={seconds},occupied_s={seconds} {hour}\n");
        }

        await Influxd.WriteAsync(KnownWeek.Database, lines.ToString(), precision: "ms");
    }

    /// <summary>Sets the space's opening hours (none: open around the clock) through the admin API.</summary>
    public async Task SetOpeningHoursAsync(params (string Day, string Opens, string Closes)[] hours)
    {
        using var response = await Admin.Client.PutAsJsonAsync("/api/admin/spaces/hq", new
        {
            name = "Harbour Street",
            timeZone = "Europe/Berlin",
            openingHours = hours.Select(h => new { day = h.Day, opens = h.Opens, closes = h.Closes }),
        });
        Assert.True(response.IsSuccessStatusCode, $"Setting opening hours answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The values of an InfluxQL answer's first series ([] when it has none), times in epoch ms.</summary>
    public async Task<JsonElement[]> QueryAsync(string influxQl)
    {
        using var document = JsonDocument.Parse(await Influxd.QueryAsync(KnownWeek.Database, influxQl, epoch: "ms"));
        var result = document.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series)
            ? series[0].GetProperty("values").EnumerateArray().Select(v => v.Clone()).ToArray()
            : [];
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_influxd is not null)
        {
            await _influxd.DisposeAsync();
        }
    }
}
