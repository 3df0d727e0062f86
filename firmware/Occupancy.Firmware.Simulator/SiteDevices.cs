using System.Text.Json;
using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Simulator;

/// <summary>The desk sensors and door readers of one site, as the network file lists them.</summary>
public sealed record SiteDevices(string SiteId, IReadOnlyList<string> DeskDeviceIds, IReadOnlyList<string> DoorDeviceIds)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

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
        return new SiteDevices(siteId, ids[..deskCount], ids[deskCount..]);
    }

    private sealed record NetworkDocument(SpaceDocument[]? Spaces);

    private sealed record SpaceDocument(string Id, FloorDocument[]? Floors, DeviceDocument[]? Doors);

    private sealed record FloorDocument(string Id, DeviceDocument[]? Desks);

    private sealed record DeviceDocument(string Id, string? DeviceId);
}
