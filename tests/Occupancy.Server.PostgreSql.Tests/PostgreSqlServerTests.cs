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
}
