using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Proofs;

/// <summary>What the proofs check in InfluxDB: each sensor's reports, by timestamp, each exactly once.</summary>
internal static class StreamChecks
{
    /// <summary>
    /// Waits until InfluxDB holds <paramref name="expectedPerDesk"/> points per desk and returns each
    /// desk's timestamps; at the deadline returns what is there, for the caller's assertions to name what is missing.
    /// </summary>
    public static async Task<Dictionary<string, long[]>> WaitForDeskPointsAsync(
        InfluxdServer influx, string database, int desks, Func<string, int> expectedPerDesk, TimeSpan timeout)
    {
        var found = new Dictionary<string, long[]>();
        try
        {
            await Eventually.Until(
                async () =>
                {
                    found = await ReadDeskPointsAsync(influx, database, desks);
                    return Enumerable.Range(1, desks).All(i => found[$"desk-{i}"].Length >= expectedPerDesk($"desk-{i}"));
                },
                timeout,
                $"InfluxDB holds every report of the {desks} desks");
        }
        catch (TimeoutException)
        {
            found = await ReadDeskPointsAsync(influx, database, desks);
        }

        return found;
    }

    public static async Task<Dictionary<string, long[]>> ReadDeskPointsAsync(InfluxdServer influx, string database, int desks)
    {
        var found = new Dictionary<string, long[]>();
        for (int i = 1; i <= desks; i++)
        {
            var rows = await influx.QueryRowsAsync(database, $"SELECT \"state\" FROM desk_state WHERE desk = 'desk-{i}'", "ms");
            found[$"desk-{i}"] = [.. rows.Select(r => r["time"].GetInt64())];
        }

        return found;
    }
}
