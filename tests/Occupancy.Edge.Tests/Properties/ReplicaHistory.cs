using FsCheck;
using FsCheck.Fluent;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Properties;

/// <summary>
/// Generated versions of a site's replica (version n is <see cref="Policies"/>[n-1]) and the order the edge
/// receives them in: any version, any number of times, some after a restart of the edge.
/// </summary>
internal sealed record ReplicaHistory(AccessPolicy[] Policies, (long Version, bool RestartBefore)[] Deliveries)
{
    public static Arbitrary<ReplicaHistory> Arbitrary { get; } = Generator().ToArbitrary();

    public AccessReplica Replica(long version) => AccessDecisionProperties.Replica(Policies[version - 1], version);

    public override string ToString() =>
        string.Join(" | ", Policies.Select((p, i) => $"v{i + 1}: {p}"))
        + " || " + string.Join(", ", Deliveries.Select(d => (d.RestartBefore ? "restart, " : "") + "v" + d.Version));

    private static Gen<ReplicaHistory> Generator() =>
        from count in Gen.Choose(1, 6)
        from policies in Gen.ArrayOf(Policy(), count)
        from deliveries in Gen.NonEmptyListOf(
            from version in Gen.Choose(1, count)
            from restart in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            select ((long)version, restart))
        select new ReplicaHistory(policies, [.. deliveries]);

    private static Gen<AccessPolicy> Policy() =>
        from cardRevoked in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from passRevoked in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from suspended in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from lockdown in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from doors in Gen.Elements<string[]>([], ["front"], ["terrace"])
        select new AccessPolicy(cardRevoked, passRevoked, suspended, lockdown, doors);
}
