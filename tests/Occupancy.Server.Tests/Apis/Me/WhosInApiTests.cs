using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Server.Models.Me;

namespace Occupancy.Server.Tests.Apis.Me;

public sealed class WhosInApiTests
{
    private static async Task<WhosInView> WhosInAsync(Session member, string space = "hq") =>
        (await member.Client.GetFromJsonAsync<WhosInView>($"/api/spaces/{space}/whos-in"))!;

    private static async Task ShowMeAsync(Session member, bool show, string headline)
    {
        using var response = await member.Client.PutAsJsonAsync("/api/me", new ProfileRequest(show, headline));
        response.EnsureSuccessStatusCode();
    }

    private static async Task CheckInAsync(Session member, string space = "hq")
    {
        using var response = await member.Client.PutAsync($"/api/spaces/{space}/check-in", null);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task WhosIn_ListsOnlyMembersWhoOptedIn_AndAreInThatSpaceToday()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (_, viewer) = await world.NewMemberAsync("Viewer");
        var (_, shown) = await world.NewMemberAsync("Ada");
        var (_, privateOne) = await world.NewMemberAsync("Grace");
        var (_, notIn) = await world.NewMemberAsync("Hedy");
        var (_, elsewhere) = await world.NewMemberAsync("Katherine", homeSpaceId: "pier");
        await ShowMeAsync(shown, true, "Writes the first programs");
        await ShowMeAsync(notIn, true, "Invents frequency hopping");
        await ShowMeAsync(elsewhere, true, "Computes trajectories");
        await CheckInAsync(shown);
        await CheckInAsync(privateOne);
        await CheckInAsync(elsewhere, "pier");

        var list = await WhosInAsync(viewer);

        Assert.Equal([new WhosInEntry("Ada", "Writes the first programs")], list.Members);
        Assert.False(list.YouAreIn);
    }

    [Fact]
    public async Task AMemberWhoWithdraws_DisappearsFromTheList_AtOnce()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (_, viewer) = await world.NewMemberAsync("Viewer");
        var (_, ada) = await world.NewMemberAsync("Ada");
        await ShowMeAsync(ada, true, "Writes the first programs");
        await CheckInAsync(ada);
        Assert.Single((await WhosInAsync(viewer)).Members);

        await ShowMeAsync(ada, false, "Writes the first programs");

        Assert.Empty((await WhosInAsync(viewer)).Members);
    }

    [Fact]
    public async Task ACheckIn_CountsForTheSpacesLocalDayOnly()
    {
        // 22:30 in Berlin (hq's time zone): the day turns over in 90 minutes.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 21, 30, 0, TimeSpan.Zero));
        await using var server = new OccupancyServerFactory { Clock = clock };
        var world = await MemberWorld.StartAsync(server);
        var (_, viewer) = await world.NewMemberAsync("Viewer");
        var (_, ada) = await world.NewMemberAsync("Ada");
        await ShowMeAsync(ada, true, "Writes the first programs");
        await CheckInAsync(ada);
        var tonight = await WhosInAsync(viewer);

        clock.Advance(TimeSpan.FromHours(2));
        var afterMidnight = await WhosInAsync(viewer);

        Assert.Equal(("2026-11-27", 1), (tonight.Day, tonight.Members.Length));
        Assert.Equal(("2026-11-28", 0), (afterMidnight.Day, afterMidnight.Members.Length));
    }

    [Fact]
    public async Task AMemberOfAnotherSpace_CannotSeeItsList_NorCheckInThere()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (_, outsider) = await world.NewMemberAsync("Outsider", homeSpaceId: "pier");

        using var list = await outsider.Client.GetAsync("/api/spaces/hq/whos-in");
        using var checkIn = await outsider.Client.PutAsync("/api/spaces/hq/check-in", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (list.StatusCode, checkIn.StatusCode));
    }

    [Fact]
    public async Task APassNamingASpace_MakesItsHolderAMemberThere()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (travellerId, traveller) = await world.NewMemberAsync("Traveller", homeSpaceId: "pier");
        var (_, ada) = await world.NewMemberAsync("Ada");
        await ShowMeAsync(ada, true, "Writes the first programs");
        await CheckInAsync(ada);
        await world.NewPassAsync(travellerId, "hq");

        await CheckInAsync(traveller);
        var list = await WhosInAsync(traveller);

        Assert.True(list.YouAreIn);
        Assert.Equal(["Ada"], list.Members.Select(m => m.Name));
    }
}
