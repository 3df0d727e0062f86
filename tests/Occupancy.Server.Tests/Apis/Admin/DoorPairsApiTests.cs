using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Models;
using Occupancy.Server.Models.Admin;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Apis.Admin;

/// <summary>In/out door pairs for anti-passback, set through the admin API and carried to the edges in the access replica.</summary>
public sealed class DoorPairsApiTests
{
    private const string Doors = "/api/admin/spaces/hq/doors";

    private static DoorRequest Front(string? pairedDoorId, string? direction) =>
        new(null, "floor-1", "Front door", "reader-front", 5, null, pairedDoorId, direction);

    [Fact]
    public async Task PairingTheFrontDoorAsIn_PairsTheTerraceBackAsOut_AndTheEdgesReplicaCarriesBoth()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        using var response = await admin.Client.PutAsJsonAsync($"{Doors}/front", Front("terrace", "in"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doors = (await admin.Client.GetFromJsonAsync<DoorSettings[]>(Doors))!;
        Assert.Equal(
            [("front", "terrace", "in"), ("terrace", "front", "out")],
            doors.Select(d => (d.Id, d.PairedDoorId, d.Direction)));
        var replica = (await edge.InvokeAsync<AccessReplica?>(nameof(IEdgeHub.GetAccessReplica), -1L))!;
        Assert.Equal(
            [("front", "terrace", DoorAccess.In), ("terrace", "front", DoorAccess.Out)],
            replica.Doors.OrderBy(d => d.DoorId).Select(d => (d.DoorId, d.PairedDoorId, d.Direction)));
    }

    [Fact]
    public async Task UnpairingOneDoor_UnpairsTheOther()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        using (var paired = await admin.Client.PutAsJsonAsync($"{Doors}/front", Front("terrace", "out")))
        {
            Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        }

        using var unpaired = await admin.Client.PutAsJsonAsync($"{Doors}/front", Front(null, null));

        Assert.Equal(HttpStatusCode.OK, unpaired.StatusCode);
        var doors = (await admin.Client.GetFromJsonAsync<DoorSettings[]>(Doors))!;
        Assert.All(doors, d => Assert.Equal((null, null), (d.PairedDoorId, d.Direction)));
    }

    [Theory]
    [InlineData("front", "in", "pairedDoorId")]
    [InlineData("gate", "in", "pairedDoorId")]
    [InlineData("terrace", "sideways", "direction")]
    [InlineData("terrace", null, "direction")]
    [InlineData(null, "in", "direction")]
    public async Task APairThatCannotBe_IsAValidationProblemNamingTheField(string? pairedDoorId, string? direction, string field)
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.PutAsJsonAsync($"{Doors}/front", Front(pairedDoorId, direction));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], await LayoutApiTests.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task PairingWithADoorAlreadyPairedElsewhere_IsRefusedNamingPairedDoorId_AndChangesNothing()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        using (var side = await admin.Client.PostAsJsonAsync(Doors, new DoorRequest("side", "floor-1", "Side door", "reader-side", 5, null, "terrace", "in")))
        {
            Assert.Equal(HttpStatusCode.Created, side.StatusCode);
        }

        using var response = await admin.Client.PutAsJsonAsync($"{Doors}/front", Front("terrace", "in"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("already paired with door 'side'", problem.RootElement.GetProperty("errors").GetProperty("pairedDoorId")[0].GetString());
        var terrace = (await admin.Client.GetFromJsonAsync<DoorSettings>($"{Doors}/terrace"))!;
        Assert.Equal(("side", "out"), (terrace.PairedDoorId, terrace.Direction));
    }

    [Fact]
    public async Task DeletingAPairedDoor_UnpairsTheOther()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        using (var side = await admin.Client.PostAsJsonAsync(Doors, new DoorRequest("side", "floor-1", "Side door", "reader-side", 5, null, "terrace", "in")))
        {
            Assert.Equal(HttpStatusCode.Created, side.StatusCode);
        }

        using var deleted = await admin.Client.DeleteAsync($"{Doors}/side");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var terrace = (await admin.Client.GetFromJsonAsync<DoorSettings>($"{Doors}/terrace"))!;
        Assert.Equal((null, null), (terrace.PairedDoorId, terrace.Direction));
    }
}
