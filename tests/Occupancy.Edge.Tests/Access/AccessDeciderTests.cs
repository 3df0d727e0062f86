using Occupancy.Edge.Access;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Access;

/// <summary>Door decisions from a replica alone, at chosen instants (no clock involved).</summary>
public class AccessDeciderTests
{
    private static readonly byte[] NetworkKey = "network-key-for-tests-0123456789"u8.ToArray();
    private static readonly byte[] PhoneSecret = "phone-secret-of-ada-0123456789ab"u8.ToArray();

    // Wednesday 2026-11-25, Berlin is UTC+1 in winter.
    private static readonly long WednesdayTenAmBerlin = Berlin(2026, 11, 25, 10, 0);

    private readonly AccessDecider _decider = new(new PhoneCodeReplayGuard());

    private static AccessWindow WeekdaysNineToSix => new(0b011_1110, 9 * 60, 18 * 60);

    [Fact]
    public void Card_WithAValidPass_OpensTheDoor()
    {
        var decision = Decide(Replica(), "front", "card", "04A1B2C3", WednesdayTenAmBerlin);

        Assert.Equal((true, AccessReasons.Granted, "ada", "pass-ada"), (decision.Granted, decision.Reason, decision.Member, decision.PassId));
    }

    [Fact]
    public void UnknownCard_IsDenied()
    {
        var decision = Decide(Replica(), "front", "card", "DEADBEEF", WednesdayTenAmBerlin);

        Assert.Equal((false, AccessReasons.UnknownCredential, (string?)null), (decision.Granted, decision.Reason, decision.Member));
    }

    [Fact]
    public void UnknownDoor_IsDenied() =>
        Assert.Equal(AccessReasons.UnknownDoor, Decide(Replica(), "back", "card", "04A1B2C3", WednesdayTenAmBerlin).Reason);

    [Theory]
    [InlineData(AccessReasons.Revoked)]
    [InlineData(AccessReasons.Suspended)]
    [InlineData(AccessReasons.Expired)]
    [InlineData(AccessReasons.NotYetValid)]
    [InlineData(AccessReasons.WrongDoor)]
    public void PassThatDoesNotAllowIt_IsDeniedWithTheReason(string reason)
    {
        var pass = AdaPass() with
        {
            Revoked = reason == AccessReasons.Revoked,
            Suspended = reason == AccessReasons.Suspended,
            ValidToMs = reason == AccessReasons.Expired ? WednesdayTenAmBerlin - 1 : long.MaxValue,
            ValidFromMs = reason == AccessReasons.NotYetValid ? WednesdayTenAmBerlin + 1 : 0,
            DoorIds = reason == AccessReasons.WrongDoor ? ["terrace"] : [],
        };

        var decision = Decide(Replica(passes: [pass]), "front", "card", "04A1B2C3", WednesdayTenAmBerlin);

        Assert.Equal((false, reason, "ada"), (decision.Granted, decision.Reason, decision.Member));
    }

    [Fact]
    public void RevokedCard_IsDeniedEvenWithAValidPass()
    {
        var replica = Replica() with { Credentials = [Card() with { Revoked = true }] };

        Assert.Equal(AccessReasons.Revoked, Decide(replica, "front", "card", "04A1B2C3", WednesdayTenAmBerlin).Reason);
    }

    [Fact]
    public void MemberWithoutAnyPass_IsDenied() =>
        Assert.Equal(AccessReasons.NoPass, Decide(Replica(passes: []), "front", "card", "04A1B2C3", WednesdayTenAmBerlin).Reason);

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(17, 59, true)]
    [InlineData(18, 0, false)]
    public void WeekdayHours_AreTheSitesWallClock(int hour, int minute, bool granted)
    {
        var decision = Decide(Replica(passes: [AdaPass() with { Windows = [WeekdaysNineToSix] }]), "front", "card", "04A1B2C3", Berlin(2026, 11, 25, hour, minute));

        Assert.Equal(granted, decision.Granted);
        Assert.Equal(granted ? AccessReasons.Granted : AccessReasons.OutsideHours, decision.Reason);
    }

    [Theory]
    [InlineData(2026, 11, 27, 23, 30, true)] // Friday night, inside 22:00–06:00 that starts on Friday
    [InlineData(2026, 11, 28, 5, 59, true)] // Saturday early morning: still Friday's window
    [InlineData(2026, 11, 28, 6, 0, false)]
    [InlineData(2026, 11, 28, 23, 0, false)] // Saturday night: the window is Fridays only
    [InlineData(2026, 11, 27, 5, 0, false)] // Friday early morning belongs to Thursday's window, which does not exist
    public void NightWindow_RunsPastMidnightIntoTheNextDay(int year, int month, int day, int hour, int minute, bool granted)
    {
        var fridayNights = new AccessWindow(1 << (int)DayOfWeek.Friday, 22 * 60, 6 * 60);

        var decision = Decide(Replica(passes: [AdaPass() with { Windows = [fridayNights] }]), "front", "card", "04A1B2C3", Berlin(year, month, day, hour, minute));

        Assert.Equal(granted, decision.Granted);
    }

    [Fact]
    public void NineToSix_FollowsTheWallClockAcrossTheSpringDaylightSavingChange()
    {
        var everyDayNineToSix = new AccessWindow(AccessWindow.EveryDay, 9 * 60, 18 * 60);
        var replica = Replica(passes: [AdaPass() with { Windows = [everyDayNineToSix] }]);
        // Saturday 28 March 2026: 09:00 in Berlin is 08:00 UTC. Sunday 29 March (clocks go
        // forward at 02:00): 09:00 in Berlin is 07:00 UTC.
        long saturdayNineUtc = new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        long sundayNineUtc = new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        Assert.True(Decide(replica, "front", "card", "04A1B2C3", saturdayNineUtc).Granted);
        Assert.False(Decide(replica, "front", "card", "04A1B2C3", saturdayNineUtc - 60_000).Granted);
        Assert.True(Decide(replica, "front", "card", "04A1B2C3", sundayNineUtc).Granted);
        Assert.False(Decide(replica, "front", "card", "04A1B2C3", sundayNineUtc - 60_000).Granted);
    }

    [Fact]
    public void PhoneCode_OfNow_OpensOnceAndIsRefusedAsAReplayAfterwards()
    {
        string code = PhoneCodes.Presented("phone-ada", PhoneSecret, WednesdayTenAmBerlin);

        var first = Decide(Replica(), "front", "phone", code, WednesdayTenAmBerlin);
        var again = Decide(Replica(), "front", "phone", code, WednesdayTenAmBerlin + 5_000);
        var otherDoor = Decide(Replica(), "terrace", "phone", code, WednesdayTenAmBerlin + 6_000);

        Assert.Equal(AccessReasons.Granted, first.Reason);
        Assert.Equal(AccessReasons.ReplayedCode, again.Reason);
        Assert.Equal(AccessReasons.Granted, otherDoor.Reason);
    }

    [Fact]
    public void PhoneCode_UsedBeforeTheEdgesClockWasSetBack_DoesNotOpenAgain()
    {
        string code = PhoneCodes.Presented("phone-ada", PhoneSecret, WednesdayTenAmBerlin);
        long threeMinutesLater = WednesdayTenAmBerlin + 180_000;

        var first = Decide(Replica(), "front", "phone", code, WednesdayTenAmBerlin);
        var later = Decide(Replica(), "terrace", "phone", PhoneCodes.Presented("phone-ada", PhoneSecret, threeMinutesLater), threeMinutesLater);
        var afterTheClockWentBack = Decide(Replica(), "front", "phone", code, WednesdayTenAmBerlin + 10_000);

        Assert.Equal((true, true), (first.Granted, later.Granted));
        Assert.Equal((false, AccessReasons.ReplayedCode), (afterTheClockWentBack.Granted, afterTheClockWentBack.Reason));
    }

    [Theory]
    [InlineData(-30_000, true)]
    [InlineData(30_000, true)]
    [InlineData(-90_000, false)]
    [InlineData(90_000, false)]
    public void PhoneCode_FromANeighbouringStep_IsAcceptedForClockSkewButNoFurther(long phoneClockOffsetMs, bool granted)
    {
        string code = PhoneCodes.Presented("phone-ada", PhoneSecret, WednesdayTenAmBerlin + phoneClockOffsetMs);

        var decision = Decide(Replica(), "front", "phone", code, WednesdayTenAmBerlin);

        Assert.Equal(granted ? AccessReasons.Granted : AccessReasons.UnknownCredential, decision.Reason);
    }

    [Fact]
    public void PhoneCode_ForgedDigits_IsUnknown() =>
        Assert.Equal(AccessReasons.UnknownCredential, Decide(Replica(), "front", "phone", "phone-ada.12345678", WednesdayTenAmBerlin).Reason);

    [Fact]
    public void Lockdown_KeepsMembersOutAndLetsAdminsIn()
    {
        var admin = new AccessPass("pass-admin", "grace", [], [], 0, long.MaxValue, false, false, IsAdmin: true);
        var replica = Replica(passes: [AdaPass(), admin]) with
        {
            Lockdown = true,
            Credentials = [Card(), new AccessCredential("card-grace", "grace", AccessCredential.Card, CredentialHashing.CardHash(NetworkKey, "0777"), null, false)],
        };

        Assert.Equal(AccessReasons.Lockdown, Decide(replica, "front", "card", "04A1B2C3", WednesdayTenAmBerlin).Reason);
        Assert.True(Decide(replica, "front", "card", "0777", WednesdayTenAmBerlin).Granted);
    }

    [Fact]
    public void FreeAccessDoor_OpensForAnyoneDuringStaffedHoursOnly()
    {
        var replica = Replica() with { Doors = [Door("front") with { Mode = "free", FreeAccess = [WeekdaysNineToSix] }] };

        Assert.Equal(AccessReasons.FreeAccess, Decide(replica, "front", "card", "DEADBEEF", WednesdayTenAmBerlin).Reason);
        Assert.Equal(AccessReasons.UnknownCredential, Decide(replica, "front", "card", "DEADBEEF", Berlin(2026, 11, 25, 20, 0)).Reason);
    }

    [Fact]
    public void ReplicaLeftUntouchedForSevenDays_StillEnforcesHoursAndExpiry()
    {
        long sevenDaysLater = WednesdayTenAmBerlin + TimeSpan.FromDays(7).Ticks / TimeSpan.TicksPerMillisecond;
        var replica = Replica(passes: [AdaPass() with { Windows = [WeekdaysNineToSix], ValidToMs = WednesdayTenAmBerlin + TimeSpan.FromDays(3).Ticks / TimeSpan.TicksPerMillisecond }]);

        Assert.True(Decide(replica, "front", "card", "04A1B2C3", WednesdayTenAmBerlin).Granted);
        Assert.Equal(AccessReasons.Expired, Decide(replica, "front", "card", "04A1B2C3", sevenDaysLater).Reason);
    }

    private AccessDecision Decide(AccessReplica replica, string door, string type, string credential, long nowMs) =>
        _decider.Decide(replica, NetworkKey, door, type, credential, nowMs);

    private static AccessReplica Replica(AccessPass[]? passes = null) => new(
        "hq",
        1,
        "Europe/Berlin",
        false,
        [Door("front"), Door("terrace")],
        passes ?? [AdaPass()],
        [Card(), new AccessCredential("phone-ada", "ada", AccessCredential.Phone, null, Convert.ToBase64String(PhoneSecret), false)]);

    private static DoorAccess Door(string id) => new(id, "reader-" + id, 5000, "normal", []);

    private static AccessPass AdaPass() => new("pass-ada", "ada", [], [AccessWindow.Always], 0, long.MaxValue, false, false, false);

    private static AccessCredential Card() =>
        new("card-ada", "ada", AccessCredential.Card, CredentialHashing.CardHash(NetworkKey, "04a1b2c3"), null, false);

    private static long Berlin(int year, int month, int day, int hour, int minute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeMilliseconds();
    }
}
