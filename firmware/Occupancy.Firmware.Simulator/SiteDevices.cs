using System.Text.Json;
using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Simulator;

/// <summary>The desk sensors and door readers of one site, as the network file lists them, and the site's time zone.</summary>
public sealed record SiteDevices(string SiteId, IReadOnlyList<string> DeskDeviceIds, IReadOnlyList<string> DoorDeviceIds)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The site's IANA time zone: the coworking day follows local time.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>When the space is open (members come only then), or null for a site that does not say: open all day.</summary>
    public Day.OpeningHours? OpeningHours { get; init; }

    /// <summary>A made-up site of <paramref name="desks"/> desk sensors (<c>sensor-0001</c>…) and <paramref name="doors"/> readers (<c>reader-01</c>…), for load runs.</summary>
    public static SiteDevices Generate(string siteId, int desks, int doors, string timeZone = "UTC")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(desks);
        ArgumentOutOfRangeException.ThrowIfNegative(doors);
        if (!Ids.IsValid(siteId))
        {
            throw new ArgumentException($"'{siteId}' is not a valid site id.", nameof(siteId));
        }

        return new SiteDevices(
            siteId,
            Enumerable.Range(1, desks).Select(i => $"sensor-{i:D4}").ToArray(),
            Enumerable.Range(1, doors).Select(i => $"reader-{i:D2}").ToArray())
        {
            TimeZone = timeZone,
        };
    }

    /// <summary>Reads the network file (see scripts/demo/network.json); throws <see cref="InvalidDataException"/> with the reason when it cannot be used.</summary>
    public static SiteDevices Load(string networkFile, string siteId)
    {
        NetworkDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<NetworkDocument>(File.ReadAllText(networkFile), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{networkFile} is not a network file: {ex.Message}", ex);
        }

        var space = document?.Spaces?.FirstOrDefault(s => s.Id == siteId);
        if (space is null)
        {
            var known = string.Join(", ", document?.Spaces?.Select(s => s.Id) ?? []);
            throw new InvalidDataException($"{networkFile} has no space with id '{siteId}' (it has: {known}).");
        }

        var listed = (space.Floors ?? []).SelectMany(f => f.Desks ?? []).Select(d => d.DeviceId)
            .Concat((space.Doors ?? []).Select(d => d.DeviceId))
            .ToArray();
        int missing = listed.Count(string.IsNullOrEmpty);
        if (missing > 0)
        {
            throw new InvalidDataException($"{networkFile}: {missing} desk(s) or door(s) of '{siteId}' have no deviceId.");
        }

        var invalid = listed.Prepend(siteId).FirstOrDefault(id => !Ids.IsValid(id!));
        if (invalid is not null)
        {
            throw new InvalidDataException($"{networkFile}: '{invalid}' is not a valid id (1-32 of a-z, 0-9 and '-').");
        }

        var duplicate = listed.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{networkFile}: device id '{duplicate.Key}' is used twice in '{siteId}'.");
        }

        int deskCount = (space.Floors ?? []).Sum(f => f.Desks?.Length ?? 0);
        string[] ids = listed.Select(id => id!).ToArray();
        return new SiteDevices(siteId, ids[..deskCount], ids[deskCount..])
        {
            TimeZone = space.TimeZone ?? "UTC",
            OpeningHours = space.OpeningHours is { } hours ? ParseHours(networkFile, siteId, hours) : null,
        };
    }

    /// <summary>The site's time zone, or UTC when this machine does not know it.</summary>
    public TimeZoneInfo FindTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private static Day.OpeningHours ParseHours(string networkFile, string siteId, OpeningDocument[] hours)
    {
        try
        {
            return Day.OpeningHours.Parse(hours.Select(h => (h.Day ?? "", h.Opens ?? "", h.Closes ?? "")));
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{networkFile}: '{siteId}': {ex.Message}.", ex);
        }
    }

    private sealed record NetworkDocument(SpaceDocument[]? Spaces);

    private sealed record SpaceDocument(string Id, string? TimeZone, FloorDocument[]? Floors, DeviceDocument[]? Doors, OpeningDocument[]? OpeningHours);

    private sealed record OpeningDocument(string? Day, string? Opens, string? Closes);

    private sealed record FloorDocument(string Id, DeviceDocument[]? Desks);

    private sealed record DeviceDocument(string Id, string? DeviceId);
}
