using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Edge.Access;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Properties;

/// <summary>
/// The door decision against generated histories: replicas of a member's access delivered late, repeated and
/// across restarts of the edge, and phone codes presented again and again while the edge's clock moves (also
/// backwards, as a clock correction does). No order of delivery or presentation turns a deny into a grant.
/// </summary>
public sealed class AccessDecisionProperties
{
    private static readonly byte[] NetworkKey = "network-key-for-tests-0123456789"u8.ToArray();
    private static readonly byte[] PhoneSecret = "phone-secret-of-ada-0123456789ab"u8.ToArray();
    private static readonly long WednesdayTenAmBerlin = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly string[] Doors = ["front", "terrace"];
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    // Every delivery writes the replica file, as the edge does: fewer and shorter histories keep this to a second or two.
    private static readonly Config ReplicaRuns = Config.QuickThrowOnFailure.WithMaxTest(100).WithEndSize(30).WithQuietOnSuccess(true);

    [Fact]
    public void ReplicasDeliveredInAnyOrderWithRepeatsAndRestarts_DecideAsTheNewestOneDelivered() =>
        Check.One(ReplicaRuns, Prop.ForAll(ReplicaHistory.Arbitrary, history =>
        {
            using var data = new TempDirectory();
            var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(WednesdayTenAmBerlin));
            var store = new AccessReplicaStore(Microsoft.Extensions.Options.Options.Create(TestSite.Options(data.Path)), time);
            long newest = 0;
            foreach (var (version, restartBefore) in history.Deliveries)
            {
                if (restartBefore)
                {
                    store = new AccessReplicaStore(Microsoft.Extensions.Options.Options.Create(TestSite.Options(data.Path)), time);
                }

                store.Apply(history.Replica(version));
                newest = Math.Max(newest, version);
                foreach (var door in Doors)
                {
                    var expected = CardDecision(history.Replica(newest), door);
                    var actual = CardDecision(store.Current!, door);
                    Assert.True(
                        (expected.Granted, expected.Reason) == (actual.Granted, actual.Reason),
                        $"at {door} after version {version} (newest delivered {newest}): expected {expected.Reason}, decided {actual.Reason}");
                }
            }
        }));

    [Fact]
    public void PhoneCodesPresentedInAnyOrder_OpenEachDoorAtMostOnceAndOnlyNearTheirTime() =>
        Check.One(Runs, Prop.ForAll(CodePresentations(), presentations =>
        {
            var decider = new AccessDecider(new PhoneCodeReplayGuard());
            var replica = Replica(AccessPolicy.Open);
            long now = WednesdayTenAmBerlin;
            var opened = new HashSet<(string Door, long Step)>();
            foreach (var (clockMoveMs, door, codeStep) in presentations)
            {
                now += clockMoveMs;
                long step = PhoneCodes.StepAt(WednesdayTenAmBerlin) + codeStep;
                string code = "phone-ada." + PhoneCodes.Code(PhoneSecret, step);
                var decision = decider.Decide(replica, NetworkKey, Doors[door], AccessCredential.Phone, code, now);
                if (decision.Granted)
                {
                    Assert.True(opened.Add((Doors[door], step)), $"the code of step {step} opened {Doors[door]} a second time (clock at step {PhoneCodes.StepAt(now)})");
                    Assert.InRange(step, PhoneCodes.StepAt(now) - 1, PhoneCodes.StepAt(now) + 1);
                }
            }
        }));

    /// <summary>Clock moves of a few seconds to a minute, sometimes back by up to three minutes; codes of ten steps around the start.</summary>
    private static Arbitrary<(long ClockMoveMs, int Door, long CodeStep)[]> CodePresentations() =>
        Gen.ArrayOf(
                from move in Gen.Frequency((8, Gen.Choose(0, 60_000)), (1, Gen.Choose(-180_000, 0)))
                from door in Gen.Choose(0, Doors.Length - 1)
                from codeStep in Gen.Choose(-2, 8)
                select ((long)move, door, (long)codeStep))
            .ToArbitrary();

    private static AccessDecision CardDecision(AccessReplica replica, string door) =>
        new AccessDecider(new PhoneCodeReplayGuard()).Decide(replica, NetworkKey, door, AccessCredential.Card, "04A1B2C3", WednesdayTenAmBerlin);

    internal static AccessReplica Replica(AccessPolicy policy, long version = 1) => new(
        "hq",
        version,
        "Europe/Berlin",
        policy.Lockdown,
        [new DoorAccess("front", "reader-front", 5000, "normal", []), new DoorAccess("terrace", "reader-terrace", 5000, "normal", [])],
        [new AccessPass("pass-ada", "ada", policy.Doors, [AccessWindow.Always], 0, long.MaxValue, policy.PassSuspended, policy.PassRevoked, false)],
        [
            new AccessCredential("card-ada", "ada", AccessCredential.Card, CredentialHashing.CardHash(NetworkKey, "04A1B2C3"), null, policy.CardRevoked),
            new AccessCredential("phone-ada", "ada", AccessCredential.Phone, null, Convert.ToBase64String(PhoneSecret), false),
        ]);
}
