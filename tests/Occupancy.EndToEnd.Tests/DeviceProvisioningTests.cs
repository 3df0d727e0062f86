using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Occupancy.Edge;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Simulator;
using Occupancy.Server.Models;
using Occupancy.Server.Models.Admin;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// Provisioning through the server, every hop real: a host creates a device and its desk with the
/// admin API, the server hands the secret's hash to the site's edge with the configuration, and
/// the simulated sensor logs in to the edge's broker with the secret the server showed once.
/// </summary>
public sealed class DeviceProvisioningTests
{
    private const string SiteKey = "provisioning-site-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DeviceCreatedOnTheServer_LogsInToTheEdgeWithItsShownOnceSecret_AndLosesItsLoginWhenDeleted()
    {
        await using var server = new ServerOnKestrel(SiteKey);
        using var admin = await SignInAsync(server);
        string edgeData = Directory.CreateTempSubdirectory("occupancy-e2e-edge-").FullName;
        int mqttPort = FreeTcpPort.Next();
        var edge = EdgeApplication.Build([], new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = "hq",
            ["Edge:DataDirectory"] = edgeData,
            ["Edge:HttpPort"] = "0",
            ["Mqtt:Port"] = mqttPort.ToString(),
            ["Influx:Url"] = "http://127.0.0.1:9", // InfluxDB plays no part here; the edge runs on without it
            ["Uplink:ServerUrl"] = server.BaseUrl.ToString(),
            ["Uplink:SiteKey"] = SiteKey,
        });
        await edge.StartAsync();
        try
        {
            var site = edge.Services.GetRequiredService<SiteDirectory>();
            await Eventually.Until(() => site.IsLoaded, Patience, "the edge has fetched its site configuration from the server");

            using var created = await admin.PostAsJsonAsync("/api/admin/spaces/hq/devices", new DeviceRequest("sensor-900", DeviceKinds.Desk));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            var credentials = (await created.Content.ReadFromJsonAsync<DeviceCredentials>())!;
            using var desk = await admin.PostAsJsonAsync(
                "/api/admin/spaces/hq/desks",
                new DeskRequest("desk-900", "floor-1", "N9", 900, 500, 60, 40, "round", "quiet", "sensor-900"));
            Assert.True(desk.IsSuccessStatusCode, await desk.Content.ReadAsStringAsync());
            await Eventually.Until(() => site.TryGetDesk("sensor-900", out _), Patience, "the edge has the new desk and its sensor's login");

            await using (var sensor = await SimulatedDeskDevice.StartAsync(
                new Occupancy.Firmware.Simulator.DeviceSettings("127.0.0.1", mqttPort, "hq", "sensor-900", credentials.Secret),
                new DeskSensorOptions { OccupiedAfterMs = 300, FreeAfterMs = 600, PresenceGapMs = 200 },
                loggerFactory: null))
            {
                var engine = edge.Services.GetRequiredService<OccupancyEngine>();
                await Eventually.Until(
                    () => engine.Snapshot().Any(d => d.DeskId == "desk-900" && d.State == DeskStates.Free),
                    Patience,
                    "the sensor has logged in to the edge and reported its desk free");
            }

            using var deleted = await admin.DeleteAsync("/api/admin/spaces/hq/devices/sensor-900");
            Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
            await Eventually.Until(() => !site.TryGetProvisioned("sensor-900", out _), Patience, "the edge has the configuration without the device");
            Assert.False(edge.Services.GetRequiredService<Edge.Devices.DeviceRegistry>().Verify("sensor-900", credentials.Secret));
        }
        finally
        {
            await edge.StopAsync();
            edge.Dispose();
            Directory.Delete(edgeData, recursive: true);
        }
    }

    private static async Task<HttpClient> SignInAsync(ServerOnKestrel server)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = server.BaseUrl };
        using var response = await client.PostAsJsonAsync("/api/account/sign-in", new SignInRequest(ServerOnKestrel.AdminEmail, ServerOnKestrel.AdminPassword));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }
}
