using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Models;
using Occupancy.Server.Models.Admin;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Access;

/// <summary>The edge hub's side of access control: the replica an edge fetches, and the new one it is sent after each change.</summary>
public sealed class AccessReplicaSyncTests
{
    [Fact]
    public async Task EdgeFetchingItsReplica_GetsThePassesOfItsSiteWithMembersAsPseudonymsAndCardsAsKeyedHashes()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var ada = await AccessPeople.NewMemberAsync(admin, "Ada");
        var pass = await AccessPeople.NewPassAsync(admin, ada.Id, "hq");
        var card = await AccessPeople.NewCardAsync(admin, ada.Id, "04A1B2C3");
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        var replica = await edge.InvokeAsync<AccessReplica?>(nameof(IEdgeHub.GetAccessReplica), -1L);

        Assert.NotNull(replica);
        Assert.Equal(("hq", "Europe/Berlin", false), (replica.SiteId, replica.TimeZone, replica.Lockdown));
        Assert.Equal(["front", "terrace"], replica.Doors.Select(d => d.DoorId).Order());
        var held = Assert.Single(replica.Passes);
        Assert.Equal((pass.Id.ToString(), AccessPeople.Pseudonym(ada.Id), false, false), (held.PassId, held.Member, held.Revoked, held.Suspended));
        var heldCard = Assert.Single(replica.Credentials);
        Assert.Equal((card.Id.ToString(), AccessPeople.Pseudonym(ada.Id), AccessCredential.Card), (heldCard.CredentialId, heldCard.Member, heldCard.Kind));
        Assert.Equal(CredentialHashing.CardHash(AccessPeople.NetworkKey, "04a1b2c3"), heldCard.CardHash);
        var serialized = System.Text.Json.JsonSerializer.Serialize(replica);
        Assert.DoesNotContain("Ada", serialized);
        Assert.DoesNotContain("04A1B2C3", serialized, StringComparison.OrdinalIgnoreCase);

        Assert.Null(await edge.InvokeAsync<AccessReplica?>(nameof(IEdgeHub.GetAccessReplica), replica.Version));
    }

    [Fact]
    public async Task RevokingAPass_SendsTheConnectedEdgeANewerReplicaWithThePassRevoked()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var ada = await AccessPeople.NewMemberAsync(admin, "Ada");
        var pass = await AccessPeople.NewPassAsync(admin, ada.Id, "hq");
        await using var edge = server.CreateEdgeConnection();
        var pushed = Channel.CreateUnbounded<AccessReplica>();
        edge.On<AccessReplica>(nameof(IEdgeClient.AccessReplicaChanged), r => pushed.Writer.TryWrite(r));
        await edge.StartAsync();
        var before = (await edge.InvokeAsync<AccessReplica?>(nameof(IEdgeHub.GetAccessReplica), -1L))!;

        using var revoked = await admin.Client.PostAsync($"/api/admin/passes/{pass.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var after = await NextAsync(pushed, r => r.Passes.Any(p => p.PassId == pass.Id.ToString() && p.Revoked));
        Assert.True(after.Version > before.Version, $"version {after.Version} after {before.Version}");
    }

    [Fact]
    public async Task LockingASpaceDown_ReachesItsEdgeInTheReplica_AndTheHostsSeeIt()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        var pushed = Channel.CreateUnbounded<AccessReplica>();
        edge.On<AccessReplica>(nameof(IEdgeClient.AccessReplicaChanged), r => pushed.Writer.TryWrite(r));
        await edge.StartAsync();

        using var response = await admin.Client.PostAsJsonAsync("/api/admin/spaces/hq/access/lockdown", new LockdownRequest(true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<SpaceAccessStatus>())!.Lockdown);
        var replica = await NextAsync(pushed, r => r.Lockdown);
        Assert.Equal("hq", replica.SiteId);

        using var ended = await admin.Client.PostAsJsonAsync("/api/admin/spaces/hq/access/lockdown", new LockdownRequest(false));
        Assert.False((await NextAsync(pushed, r => true)).Lockdown);
    }

    [Fact]
    public async Task LockdownWithoutSayingOnOrOff_IsAProblemNamingTheField()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.PostAsJsonAsync("/api/admin/spaces/hq/access/lockdown", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"active\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RemovingACardAndChangingADoor_EachSendTheEdgeANewReplica()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var ada = await AccessPeople.NewMemberAsync(admin, "Ada");
        await AccessPeople.NewPassAsync(admin, ada.Id, "hq");
        var card = await AccessPeople.NewCardAsync(admin, ada.Id, "04A1B2C3");
        await using var edge = server.CreateEdgeConnection();
        var pushed = Channel.CreateUnbounded<AccessReplica>();
        edge.On<AccessReplica>(nameof(IEdgeClient.AccessReplicaChanged), r => pushed.Writer.TryWrite(r));
        await edge.StartAsync();

        using var removed = await admin.Client.DeleteAsync($"/api/admin/members/{ada.Id}/credentials/{card.Id}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await NextAsync(pushed, r => r.Credentials.Single().Revoked);

        using var door = await admin.Client.PutAsJsonAsync(
            "/api/admin/spaces/hq/doors/front", new DoorRequest(null, "floor-1", "Front door", "reader-front", 7, "free"));
        Assert.Equal(HttpStatusCode.OK, door.StatusCode);
        var front = (await NextAsync(pushed, r => r.Doors.Any(d => d.DoorId == "front" && d.Mode == "free"))).Doors.Single(d => d.DoorId == "front");
        Assert.Equal(7000, front.UnlockMs);
    }

    [Fact]
    public async Task PassesSavedAtTheSameTime_TakeDistinctVersions_AndTheReplicaHoldsThemAll()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var members = new List<MemberView>();
        for (int i = 0; i < 8; i++)
        {
            members.Add(await AccessPeople.NewMemberAsync(admin, $"Member {i}"));
        }

        var passes = await Task.WhenAll(members.Select(m => AccessPeople.NewPassAsync(admin, m.Id, "hq")));

        Assert.Equal(passes.Length, passes.Select(p => p.Version).Distinct().Count());
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();
        var replica = (await edge.InvokeAsync<AccessReplica?>(nameof(IEdgeHub.GetAccessReplica), -1L))!;
        Assert.True(replica.Version >= passes.Max(p => p.Version));
        Assert.Equal(passes.Select(p => p.Id.ToString()).Order(), replica.Passes.Select(p => p.PassId).Order());
    }

    [Fact]
    public async Task EdgeReportingItsReplica_IsShownToTheSpacesHosts()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();
        var synced = DateTimeOffset.UtcNow.AddMinutes(-3);

        await edge.InvokeAsync(nameof(IEdgeHub.ReportAccessReplica), new AccessReplicaReport(42, synced.ToUnixTimeMilliseconds()));

        var status = await admin.Client.GetFromJsonAsync<SpaceAccessStatus>("/api/admin/spaces/hq/access");
        Assert.Equal((42L, true), (status!.EdgeReplicaVersion, status.EdgeOnline));
        Assert.Equal(synced.ToUnixTimeMilliseconds(), status.EdgeReplicaSyncedAt!.Value.ToUnixTimeMilliseconds());
    }

    private static async Task<AccessReplica> NextAsync(Channel<AccessReplica> pushed, Func<AccessReplica, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        while (true)
        {
            var replica = await pushed.Reader.ReadAsync(timeout.Token);
            if (wanted(replica))
            {
                return replica;
            }
        }
    }
}
