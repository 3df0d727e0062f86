using Occupancy.Firmware.Simulator.Day;

namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>The shape of a simulated coworking day, read straight from the planner's events.</summary>
public sealed class DayPlannerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private const int Desks = 400;

    private static readonly IReadOnlyList<SimulatedMember> People = MemberRoster.Create(11, Desks, new DeskPopularity(11, Desks));

    [Fact]
    public void Day_PeopleArriveMostlyBetweenEightAndTenAndLeaveBetweenFiveAndEight()
    {
        var events = DayPlanner.Plan(Monday, Berlin, People, Desks, 2, seed: 11);
        var sits = FirstPerMember(events, MemberEventKind.SitDown).Select(LocalHour).ToList();
        var homes = FirstPerMember(events, MemberEventKind.GoHome).Select(LocalHour).ToList();

        Assert.InRange(sits.Count, People.Count / 2, People.Count);
        Assert.True(sits.Count(h => h is >= 8 and < 10) > sits.Count * 0.6, "most arrive between 8 and 10");
        Assert.True(homes.Count(h => h is >= 17 and < 20) > homes.Count * 0.6, "most leave between 17 and 20");
        Assert.All(sits, h => Assert.InRange(h, 7.4, 15));
    }

    [Fact]
    public void Day_HasALunchDipAndANightWithNobody()
    {
        var events = DayPlanner.Plan(Monday, Berlin, People, Desks, 2, seed: 11);

        int at1100 = SeatedAt(events, 11.0);
        int at1245 = SeatedAt(events, 12.75);
        int at1500 = SeatedAt(events, 15.0);

        Assert.True(at1245 < at1100 * 0.8, $"lunch dip: {at1245} seated at 12:45 against {at1100} at 11:00");
        Assert.True(at1245 < at1500 * 0.8, $"lunch dip: {at1245} seated at 12:45 against {at1500} at 15:00");
        Assert.Equal(0, SeatedAt(events, 3.0));
        Assert.Equal(0, SeatedAt(events, 22.0));
    }

    [Fact]
    public void Day_AtTheWeekend_IsNearlyEmpty()
    {
        var saturday = DayPlanner.Plan(new DateOnly(2026, 1, 10), Berlin, People, Desks, 2, seed: 11);

        Assert.InRange(FirstPerMember(saturday, MemberEventKind.SitDown).Count, 0, People.Count / 10);
        Assert.DoesNotContain(saturday, e => e.Kind == MemberEventKind.Delivery);
    }

    [Fact]
    public void Day_WhenTheSpaceIsClosed_BringsNobody()
    {
        var weekdaysOnly = OpeningHours.On([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new(7, 0), new(21, 0));

        var sunday = DayPlanner.Plan(new DateOnly(2026, 1, 11), Berlin, People, Desks, 2, seed: 11, weekdaysOnly);
        var sundayWithoutHours = DayPlanner.Plan(new DateOnly(2026, 1, 11), Berlin, People, Desks, 2, seed: 11);

        Assert.Empty(sunday);
        Assert.NotEmpty(sundayWithoutHours); // a few come at weekends when nothing says the space is closed
    }

    [Fact]
    public void Day_WithShortOpeningHours_EveryoneComesAndGoesWhileItIsOpen()
    {
        var tenToFour = OpeningHours.On([DayOfWeek.Monday], new(10, 0), new(16, 0));

        var events = DayPlanner.Plan(Monday, Berlin, People, Desks, 2, seed: 11, tenToFour);

        Assert.InRange(FirstPerMember(events, MemberEventKind.SitDown).Count, People.Count / 3, People.Count);
        Assert.All(events.Where(e => e.Kind != MemberEventKind.Forced), e => Assert.InRange(LocalHour(e), 10, 16));
        Assert.Contains(events, e => e.Kind == MemberEventKind.Visitor);
    }

    [Fact]
    public void OpeningHours_FromTheNetworkFilesEntries_RefuseABadOne_NamingIt()
    {
        var hours = OpeningHours.Parse([("monday", "08:00", "18:00"), ("Saturday", "09:30", "13:00")]);

        Assert.True(hours.TryGet(Monday, out var monday));
        Assert.Equal((8.0, 18.0), monday);
        Assert.True(hours.TryGet(new DateOnly(2026, 1, 10), out var saturday));
        Assert.Equal((9.5, 13.0), saturday);
        Assert.False(hours.TryGet(new DateOnly(2026, 1, 11), out _));
        var error = Assert.Throws<FormatException>(() => OpeningHours.Parse([("friday", "18:00", "08:00")]));
        Assert.Contains("friday 18:00-08:00", error.Message);
    }

    [Fact]
    public void Day_SendsEveryoneThroughADoorInAndOutAndBringsVisitorsAndDeliveries()
    {
        var events = DayPlanner.Plan(Monday, Berlin, People, Desks, 2, seed: 11);

        Assert.Equal(events.Count(e => e.Kind == MemberEventKind.ArriveAtDoor), events.Count(e => e.Kind == MemberEventKind.LeaveBuilding));
        Assert.Equal(Desks / 25, events.Count(e => e.Kind == MemberEventKind.Visitor));
        Assert.All(events.Where(e => e.Kind == MemberEventKind.Delivery), e => Assert.InRange(e.HoldOpenMs, 40_000, 150_000));
    }

    [Fact]
    public void Day_WithTheSameSeed_IsTheSameDayAndWithAnotherSeedIsNot()
    {
        var first = DayPlanner.Plan(Monday, Berlin, People, Desks, 2, seed: 11);
        var again = DayPlanner.Plan(Monday, Berlin, People, Desks, 2, seed: 11);
        var other = DayPlanner.Plan(Monday, Berlin, People, Desks, 2, seed: 12);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Popularity_LeavesSomeDesksNeverUsedAndMakesSomeFavourites()
    {
        var popularity = new DeskPopularity(11, Desks);
        var favourites = People.GroupBy(p => p.FavouriteDesk).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(Enumerable.Range(0, Desks).Count(popularity.IsNeverUsed), Desks / 20, Desks / 5);
        Assert.All(favourites.Keys, d => Assert.False(popularity.IsNeverUsed(d)));
        Assert.True(favourites.Values.Max() >= 3, "a popular desk is several members' favourite");
    }

    [Fact]
    public void ToUtcMs_FollowsTheSiteTimeZoneAcrossDaylightSaving()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), DayPlanner.ToUtcMs(Monday, 9, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 7, 6, 7, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), DayPlanner.ToUtcMs(new DateOnly(2026, 7, 6), 9, Berlin));
    }

    private static double LocalHour(MemberEvent e) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(e.AtMs), Berlin).TimeOfDay.TotalHours;

    private static List<MemberEvent> FirstPerMember(List<MemberEvent> events, MemberEventKind kind) =>
        events.Where(e => e.Kind == kind).GroupBy(e => e.Member).Select(g => g.OrderBy(e => e.AtMs).First()).ToList();

    private static int SeatedAt(List<MemberEvent> events, double hour)
    {
        long at = DayPlanner.ToUtcMs(Monday, hour, Berlin);
        int seated = 0;
        foreach (var member in events.Where(e => e.Member >= 0).GroupBy(e => e.Member))
        {
            bool sitting = false;
            foreach (var e in member.Where(e => e.AtMs <= at).OrderBy(e => e.AtMs))
            {
                sitting = e.Kind switch
                {
                    MemberEventKind.SitDown or MemberEventKind.ComeBack => true,
                    MemberEventKind.StepAway or MemberEventKind.GoHome => false,
                    _ => sitting,
                };
            }

            seated += sitting ? 1 : 0;
        }

        return seated;
    }
}
