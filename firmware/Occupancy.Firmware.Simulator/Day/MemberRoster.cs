using System.Text.Json;

namespace Occupancy.Firmware.Simulator.Day;

/// <summary>The people of a simulated space, made up from the seed: the same seed, the same people.</summary>
public static class MemberRoster
{
    /// <summary>About 1.1 members per desk; desk popularity decides favourites (some desks nobody wants).</summary>
    public static IReadOnlyList<SimulatedMember> Create(int seed, int desks, DeskPopularity popularity)
    {
        var random = new Random(StableHash.Of(seed, "members"));
        int count = desks == 0 ? 0 : Math.Max(1, (int)Math.Round(desks * 1.1));
        var members = new SimulatedMember[count];
        for (int i = 0; i < count; i++)
        {
            var uid = new byte[7];
            random.NextBytes(uid);
            uid[0] = 0x04; // NXP's manufacturer byte, as most cards in the field
            double roll = random.NextDouble();
            var pass = roll < 0.04 ? PassStatus.Expired : roll < 0.06 ? PassStatus.Revoked : PassStatus.Valid;
            members[i] = new SimulatedMember(
                $"m-{i + 1:D4}",
                Convert.ToHexStringLower(uid),
                UsesPhone: random.NextDouble() < 0.25,
                pass,
                Regularity: 0.35 + (0.6 * random.NextDouble()),
                FavouriteDesk: popularity.Pick(random));
        }

        return members;
    }

    /// <summary>Writes the members as JSON, for seeding the access-control data with the same credentials.</summary>
    public static void Write(string path, IReadOnlyList<SimulatedMember> members)
    {
        var rows = members.Select(m => new
        {
            memberId = m.MemberId,
            card = m.CardUid,
            usesPhone = m.UsesPhone,
            pass = m.Pass.ToString().ToLowerInvariant(),
        });
        File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
    }
}
