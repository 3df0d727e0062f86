namespace Occupancy.Edge.Tests.Properties;

/// <summary>What one version of the replica says about member ada's card and pass.</summary>
internal sealed record AccessPolicy(bool CardRevoked, bool PassRevoked, bool PassSuspended, bool Lockdown, string[] Doors)
{
    public static AccessPolicy Open { get; } = new(false, false, false, false, []);

    public override string ToString() =>
        $"{(CardRevoked ? "card revoked " : "")}{(PassRevoked ? "pass revoked " : "")}{(PassSuspended ? "suspended " : "")}{(Lockdown ? "lockdown " : "")}doors [{string.Join(",", Doors)}]";
}
