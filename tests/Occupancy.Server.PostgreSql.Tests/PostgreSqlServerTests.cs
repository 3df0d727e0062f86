using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Occupancy.Server.Data;
using Occupancy.Server.Models;
using Occupancy.Server.Tests;
using Occupancy.Testing;
using Occupancy.Uplink;

namespace Occupancy.Server.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlServerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Server_OnAnEmptyPostgreSqlDatabase_MigratesItAndSeedsTheNetwork()
    {
        await using var server = new OccupancyServerFactory(postgres.NewDatabase());

        var spaces = await server.CreateClient().GetFromJsonAsync<SpaceSummary[]>("/api/spaces");

        var hq = Assert.Single(spaces!);
        Assert.Equal(48, hq.TotalDesks);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OccupancyDbContext>();
        Assert.IsType<PostgreSqlOccupancyDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["focus", "open", "quiet", "team"], await db.Zones.Where(z => z.SpaceId == "hq").Select(z => z.Id).OrderBy(z => z).ToListAsync());
    }

    [Fact]
    public async Task Server_RestartedOnTheSameDatabase_KeepsItsDataAndDoesNotSeedTwice()
    {
        var database = postgres.NewDatabase();
        await using (var first = new OccupancyServerFactory(database))
        {
            _ = first.CreateClient();
        }

        await using var second = new OccupancyServerFactory(database);
        await using var edge = second.CreateEdgeConnection();
        await edge.StartAsync();

        var config = await edge.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig));
        Assert.Equal(48, config.Desks.Length);
        Assert.Equal(2, config.Doors.Length);
    }

    [Fact]
    public async Task LayoutEdits_OnPostgreSql_PushSiteConfigsWithGrowingVersionsToTheEdge()
    {
        await using var server = new OccupancyServerFactory(postgres.NewDatabase());
        var admin = await Session.AdminAsync(server);
        await using var edge = server.CreateEdgeConnection();
        var versions = new List<long>();
        var twoPushes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        edge.On<SiteConfig>(nameof(IEdgeClient.SiteConfigChanged), config =>
        {
            lock (versions)
            {
                versions.Add(config.Version);
                if (versions.Count == 2)
                {
                    twoPushes.TrySetResult();
                }
            }
        });
        await edge.StartAsync();
        var before = await edge.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig));

        using var added = await admin.Client.PostAsJsonAsync("/api/admin/spaces/hq/doors", new { id = "side", floorId = "floor-2", name = "Side door", deviceId = "reader-side" });
        using var removed = await admin.Client.DeleteAsync("/api/admin/spaces/hq/desks/desk-101");

        Assert.True(added.IsSuccessStatusCode && removed.IsSuccessStatusCode, $"{added.StatusCode}, {removed.StatusCode}");
        await twoPushes.Task.WaitAsync(Server.Tests.Eventually.Timeout);
        Assert.Equal([before.Version + 1, before.Version + 2], versions);
        var after = await edge.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig));
        Assert.Contains(after.Doors, d => d.DoorId == "side");
        Assert.DoesNotContain(after.Desks, d => d.DeskId == "desk-101");
    }
}
