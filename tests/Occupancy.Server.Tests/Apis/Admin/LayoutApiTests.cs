using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Models;
using Occupancy.Server.Models.Admin;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Apis.Admin;

public sealed class LayoutApiTests
{
    private const string Desks = "/api/admin/spaces/hq/desks";

    private static DeskRequest Desk(string id, double x = 900, double y = 500, string deviceId = "sensor-new") =>
        new(id, "floor-1", "N1", x, y, 60, 40, "round", "quiet", deviceId);

    [Fact]
    public async Task CreatingADesk_PushesANewerSiteConfigToTheConnectedEdge_AndPutsItOnTheLivePlan()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        var pushed = Eventually.Slot<SiteConfig>();
        edge.On<SiteConfig>(nameof(IEdgeClient.SiteConfigChanged), config => pushed.TrySetResult(config));
        await edge.StartAsync();
        var before = await edge.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig));

        using var response = await admin.Client.PostAsJsonAsync(Desks, Desk("desk-new"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var config = await pushed.Within();
        Assert.True(config.Version > before.Version, $"version {config.Version} after {before.Version}");
        Assert.Contains(new DeskConfig("desk-new", "floor-1", "quiet", "sensor-new"), config.Desks);
        var plan = await server.CreateClient().GetFromJsonAsync<FloorPlan>("/api/spaces/hq/floors/floor-1");
        var desk = Assert.Single(plan!.Desks, d => d.Id == "desk-new");
        Assert.Equal(("round", "unknown", 25), (desk.Shape, desk.State, plan.Counts.Total));
    }

    [Fact]
    public async Task MovingADesk_KeepsItsLiveState()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();
        await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange("desk-101", "occupied", 1_000) });
        var desk101 = await admin.Client.GetFromJsonAsync<DeskSettings>($"{Desks}/desk-101");

        using var moved = await admin.Client.PutAsJsonAsync($"{Desks}/desk-101",
            new DeskRequest(null, desk101!.FloorId, desk101.Label, 10, 10, desk101.Width, desk101.Height, desk101.Shape, desk101.Zone, desk101.DeviceId));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var plan = await server.CreateClient().GetFromJsonAsync<FloorPlan>("/api/spaces/hq/floors/floor-1");
        var desk = Assert.Single(plan!.Desks, d => d.Id == "desk-101");
        Assert.Equal((10d, 10d, "occupied"), (desk.X, desk.Y, desk.State));
    }

    [Fact]
    public async Task ADeskOffThePlanInAnUnknownZone_IsAValidationProblemNamingEachField()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.PostAsJsonAsync(Desks,
            new DeskRequest("Desk 1", "floor-1", "", 5000, 10, 60, 40, "hexagon", "nowhere", "sensor-101"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = await ErrorFieldsAsync(response);
        Assert.Equal(["deviceId", "id", "label", "shape", "x", "zone"], fields);
    }

    [Fact]
    public async Task ABodyThatIsNotTheExpectedJson_IsAValidationProblemNamingTheField()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.PostAsync("/api/admin/spaces/hq/floors",
            new StringContent("""{"id":"floor-9","name":"Roof","width":"wide","height":10}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["width"], await ErrorFieldsAsync(response));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("")]
    public async Task ASpaceWithoutAnIanaTimeZone_IsRefusedNamingTimeZone(string timeZone)
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.PostAsJsonAsync("/api/admin/spaces", new SpaceRequest("pier", "Pier", timeZone, []));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["timeZone"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task OpeningHours_AreValidatedPerEntry_AndRoundTripMondayFirst()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var bad = await admin.Client.PostAsJsonAsync("/api/admin/spaces", new SpaceRequest("pier", "Pier", "Europe/Lisbon",
            [new("monday", "08:00", "18:00"), new("funday", "8", "07:00"), new("monday", "09:00", "08:00")]));
        using var good = await admin.Client.PostAsJsonAsync("/api/admin/spaces", new SpaceRequest("pier", "Pier", "Europe/Lisbon",
            [new("sunday", "10:00", "16:00"), new("monday", "08:00", "18:00")]));

        Assert.Equal(
            ["openingHours[1].day", "openingHours[1].opens", "openingHours[2].closes", "openingHours[2].day"],
            await ErrorFieldsAsync(bad));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var space = await good.Content.ReadFromJsonAsync<SpaceSettings>();
        Assert.Equal([new("monday", "08:00", "18:00"), new OpeningHoursDto("sunday", "10:00", "16:00")], space!.OpeningHours);
        var spaces = await server.CreateClient().GetFromJsonAsync<SpaceSummary[]>("/api/spaces");
        Assert.Equal(["Harbour Street", "Pier"], spaces!.Select(s => s.Name));
    }

    [Fact]
    public async Task ProvisioningADevice_ShowsItsSecretOnce_AndKeepsOnlyAHash()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var created = await admin.Client.PostAsJsonAsync("/api/admin/spaces/hq/devices", new DeviceRequest("sensor-900", "desk"));
        var credentials = await created.Content.ReadFromJsonAsync<DeviceCredentials>();
        var listed = await admin.Client.GetStringAsync("/api/admin/spaces/hq/devices/sensor-900");
        using var reissued = await admin.Client.PostAsync("/api/admin/spaces/hq/devices/sensor-900/secret", null);
        var second = await reissued.Content.ReadFromJsonAsync<DeviceCredentials>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(credentials!.Secret.Length >= 43, "256 random bits in base64url");
        Assert.DoesNotContain(credentials.Secret, listed);
        Assert.Contains("\"provisioned\":true", listed);
        Assert.NotEqual(credentials.Secret, second!.Secret);
        await using var scope = server.Services.CreateAsyncScope();
        var device = scope.ServiceProvider.GetRequiredService<Server.Data.OccupancyDbContext>().Devices.Single(d => d.Id == "sensor-900");
        Assert.True(Server.Authentication.DeviceSecret.Matches(device.SecretSalt!, device.SecretHash!, second.Secret));
        Assert.False(Server.Authentication.DeviceSecret.Matches(device.SecretSalt!, device.SecretHash!, credentials.Secret));
    }

    [Fact]
    public async Task ProvisioningADevice_SendsItsSiteEdgeTheSecretsHash_NeverTheSecret_AndDeletingItWithdrawsIt()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        var withDevice = Eventually.Slot<(SiteConfig Config, string Json)>();
        var withoutDevice = Eventually.Slot<(SiteConfig Config, string Json)>();
        edge.On<SiteConfig>(nameof(IEdgeClient.SiteConfigChanged), config =>
        {
            var pushed = (config, JsonSerializer.Serialize(config));
            if (!withDevice.TrySetResult(pushed))
            {
                withoutDevice.TrySetResult(pushed);
            }
        });
        await edge.StartAsync();

        using var created = await admin.Client.PostAsJsonAsync("/api/admin/spaces/hq/devices", new DeviceRequest("sensor-900", "desk"));
        var credentials = (await created.Content.ReadFromJsonAsync<DeviceCredentials>())!;
        var (config, json) = await withDevice.Within();

        var login = Assert.Single(config.Devices!, d => d.DeviceId == "sensor-900");
        Assert.True(DeviceSecretHashing.Matches(login.Salt, login.Hash, credentials.Secret));
        Assert.DoesNotContain(credentials.Secret, json);
        var fetched = await edge.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig));
        Assert.Contains(fetched.Devices!, d => d.DeviceId == "sensor-900");
        Assert.DoesNotContain(fetched.Devices!, d => d.DeviceId == "sensor-101"); // seeded without a secret: nothing to log in with

        using var deleted = await admin.Client.DeleteAsync("/api/admin/spaces/hq/devices/sensor-900");
        var (after, _) = await withoutDevice.Within();
        Assert.DoesNotContain(after.Devices!, d => d.DeviceId == "sensor-900");
    }

    [Fact]
    public async Task DeletingAZoneThatDesksUse_IsAConflict()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.DeleteAsync("/api/admin/spaces/hq/zones/quiet");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAndListsTheAdminApi()
    {
        await using var server = new OccupancyServerFactory();

        using var json = JsonDocument.Parse(await server.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/admin/spaces/{spaceId}/desks/{deskId}", paths);
        Assert.Contains("/api/admin/passes/{passId}", paths);
        Assert.Contains("/api/spaces/{spaceId}/floors/{floorId}", paths);
    }

    internal static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
    }
}
