using System.Net.Http.Json;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Tests.Data;

public sealed class NetworkSeederTests
{
    [Fact]
    public async Task TheDemoNetwork_SeedsHqWithItsOpeningHours_WeekdaysAndSaturday_ClosedOnSunday()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        var hq = await admin.Client.GetFromJsonAsync<SpaceSettings>("/api/admin/spaces/hq");

        Assert.Equal(
            [
                new OpeningHoursDto("monday", "07:00", "21:00"),
                new("tuesday", "07:00", "21:00"),
                new("wednesday", "07:00", "21:00"),
                new("thursday", "07:00", "21:00"),
                new("friday", "07:00", "21:00"),
                new("saturday", "09:00", "17:00"),
            ],
            hq!.OpeningHours);
    }

    [Theory]
    [InlineData("""{ "day": "Monday", "opens": "07:00", "closes": "21:00" }""", "the day 'Monday'")]
    [InlineData("""{ "day": "monday", "opens": "7am", "closes": "21:00" }""", "on monday are '7am'–'21:00'")]
    [InlineData("""{ "day": "monday", "opens": "21:00", "closes": "07:00" }""", "on monday are '21:00'–'07:00'")]
    [InlineData("""{ "day": "monday", "opens": "07:00", "closes": "21:00" }, { "day": "monday", "opens": "08:00", "closes": "12:00" }""", "give monday twice")]
    public async Task ANetworkFileWithBadOpeningHours_IsRefused_NamingTheSpaceAndTheEntry(string entries, string expected)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("occupancy-network-").FullName, "network.json");
        await File.WriteAllTextAsync(file, $$"""
            { "spaces": [ { "id": "pier", "name": "Pier", "timeZone": "Europe/Lisbon", "openingHours": [ {{entries}} ], "floors": [] } ] }
            """);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => NetworkSeeder.ReadAsync(file, CancellationToken.None));

        Assert.Contains("the opening hours of space 'pier'", error.Message);
        Assert.Contains(expected, error.Message);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
