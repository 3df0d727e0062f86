using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Server.Access;
using Occupancy.Server.Data;
using Occupancy.Server.Hubs;
using Occupancy.Server.Models;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Access;

/// <summary>The access log: stored once per event however often an edge sends it, names for hosts, own entries for members, deleted after retention.</summary>
public sealed class AccessLogTests
{
    [Fact]
    public async Task EventsSentTwice_AreStoredOnce_AndHostsSeeThemWithTheMembersName()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var ada = await AccessPeople.NewMemberAsync(admin, "Ada Lovelace");
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        AccessEvent[] events =
        [
            new(AccessEvent.IdOf(AccessEvent.Decision, "front", now, 1), AccessEvent.Decision, "front", true, "granted", AccessPeople.Pseudonym(ada.Id), now),
            new(AccessEvent.IdOf(AccessEvent.Decision, "front", now + 1, 2), AccessEvent.Decision, "front", false, "unknown-credential", "", now + 1),
            new(AccessEvent.IdOf(AccessEvent.Alarm, "terrace", now + 2, 7), AccessEvent.Alarm, "terrace", false, "forced", "", now + 2),
        ];

        await edge.InvokeAsync(nameof(IEdgeHub.PushAccessEvents), events);
        await edge.InvokeAsync(nameof(IEdgeHub.PushAccessEvents), events);

        var log = await admin.Client.GetFromJsonAsync<AccessLogView[]>("/api/admin/spaces/hq/access/log");
        Assert.Equal(
            [("terrace", "alarm", false, "forced", (string?)null), ("front", "decision", false, "unknown-credential", null), ("front", "decision", true, "granted", "Ada Lovelace")],
            log!.Select(e => (e.DoorId, e.Kind, e.Granted, e.Reason, e.MemberName)));
    }

    [Fact]
    public async Task ABatchOfTheMostEventsTheServerTakes_WellOverSignalRsDefaultMessageSize_IsStoredWhole()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = Enumerable.Range(1, AccessLogWriter.MaxBatch)
            .Select(i => new AccessEvent(AccessEvent.IdOf(AccessEvent.Decision, "front", now + i, i), AccessEvent.Decision, "front", false, "unknown-credential", "", now + i))
            .ToArray();

        await edge.InvokeAsync(nameof(IEdgeHub.PushAccessEvents), events);

        var newest = await admin.Client.GetFromJsonAsync<AccessLogView[]>("/api/admin/spaces/hq/access/log?limit=500");
        var older = await admin.Client.GetFromJsonAsync<AccessLogView[]>($"/api/admin/spaces/hq/access/log?limit=500&before={newest![^1].Id}");
        Assert.Equal(events.Select(e => e.TimestampMs).Reverse(), newest.Concat(older!).Select(e => e.At.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task NewEntries_ArePushedLiveToTheSpacesHosts()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var host = await Session.NewUserAsync(server, admin, "host-a", hostOf: ["hq"]);
        await using var dashboard = server.CreateDashboardConnection(host.Cookie);
        var logged = Eventually.Slot<AccessLogView[]>();
        dashboard.On<AccessLogView[]>(nameof(IDashboardClient.AccessLogged), entries => logged.TrySetResult(entries));
        await dashboard.StartAsync();
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        await edge.InvokeAsync(nameof(IEdgeHub.PushAccessEvents), new[]
        {
            new AccessEvent("decision:front:1000:1", AccessEvent.Decision, "front", false, "revoked", "", 1_000),
        });

        var entry = Assert.Single(await logged.Within());
        Assert.Equal(("hq", "front", "revoked"), (entry.SpaceId, entry.DoorId, entry.Reason));
    }

    [Fact]
    public async Task AMember_SeesOnlyTheirOwnEntries()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var ada = await AccessPeople.NewMemberAsync(admin, "Ada", password: "a-long-enough-password");
        var bob = await AccessPeople.NewMemberAsync(admin, "Bob");
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();
        await edge.InvokeAsync(nameof(IEdgeHub.PushAccessEvents), new[]
        {
            new AccessEvent("decision:front:1000:1", AccessEvent.Decision, "front", true, "granted", AccessPeople.Pseudonym(ada.Id), 1_000),
            new AccessEvent("decision:front:2000:2", AccessEvent.Decision, "front", true, "granted", AccessPeople.Pseudonym(bob.Id), 2_000),
        });
        var member = await Session.SignInAsync(server, "ada@occupancy.test", "a-long-enough-password");

        var own = await member.Client.GetFromJsonAsync<AccessLogView[]>("/api/account/access-log");

        var entry = Assert.Single(own!);
        Assert.Equal((ada.Id, "Ada"), (entry.MemberId, entry.MemberName));
    }

    [Fact]
    public async Task EntriesOlderThanTheRetentionPeriod_AreDeletedAutomatically_AndTheirCountsStay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new OccupancyServerFactory(settings: new Dictionary<string, string> { ["Access:RetentionDays"] = "30" })
        {
            Clock = clock,
        };
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();
        var almostExpired = clock.GetUtcNow() - TimeSpan.FromDays(30) + TimeSpan.FromMinutes(30);
        var recent = clock.GetUtcNow() - TimeSpan.FromDays(2);
        await edge.InvokeAsync(nameof(IEdgeHub.PushAccessEvents), new[]
        {
            new AccessEvent("decision:front:old:1", AccessEvent.Decision, "front", true, "granted", "", almostExpired.ToUnixTimeMilliseconds()),
            new AccessEvent("decision:front:old:2", AccessEvent.Decision, "front", false, "expired", "", almostExpired.ToUnixTimeMilliseconds() + 1),
            new AccessEvent("decision:front:new:3", AccessEvent.Decision, "front", true, "granted", "", recent.ToUnixTimeMilliseconds()),
        });
        Assert.Equal(3, (await admin.Client.GetFromJsonAsync<AccessLogView[]>("/api/admin/spaces/hq/access/log"))!.Length);

        clock.Advance(TimeSpan.FromHours(1)); // the next retention run, by then the two older entries are past 30 days

        AccessLogView[] left = [];
        await Occupancy.Testing.Eventually.Until(
            async () => (left = (await admin.Client.GetFromJsonAsync<AccessLogView[]>("/api/admin/spaces/hq/access/log"))!).Length == 1,
            Eventually.Timeout,
            "retention deleted the entries older than 30 days");
        Assert.Equal(recent.ToUnixTimeMilliseconds(), left[0].At.ToUnixTimeMilliseconds());
        await using var scope = server.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<OccupancyDbContext>().AccessDailyCounts.AsNoTracking().ToListAsync();
        Assert.Equal(
            [("front", "decision", "expired", 1), ("front", "decision", "granted", 1)],
            counts.Select(c => (c.DoorId, c.Kind, c.Reason, c.Count)).Order());
        Assert.All(counts, c => Assert.Equal(DateOnly.FromDateTime(almostExpired.UtcDateTime), c.Day));
    }
}
