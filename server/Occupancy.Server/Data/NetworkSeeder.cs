using System.Text.Json;
using Occupancy.Firmware.Contract;
using Occupancy.Server.Apis.Validation;

namespace Occupancy.Server.Data;

/// <summary>Turns a network file into entities, refusing ids that could not travel in topics and URLs.</summary>
public static class NetworkSeeder
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<List<Space>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync<NetworkFile>(stream, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException($"Network file '{path}' is empty.");
        return (file.Spaces ?? []).Select(space => ToEntity(space, path)).ToList();
    }

    private static Space ToEntity(NetworkFile.SpaceEntry space, string path)
    {
        RequireId(space.Id, "space", path);
        var floors = (space.Floors ?? []).Select(floor =>
        {
            RequireId(floor.Id, $"floor of space '{space.Id}'", path);
            return new Floor
            {
                Id = floor.Id,
                SpaceId = space.Id,
                Name = floor.Name,
                Width = floor.Width,
                Height = floor.Height,
                Desks = (floor.Desks ?? []).Select(desk =>
                {
                    RequireId(desk.Id, $"desk of space '{space.Id}'", path);
                    RequireId(desk.DeviceId, $"device of desk '{desk.Id}'", path);
                    return new Desk
                    {
                        Id = desk.Id,
                        SpaceId = space.Id,
                        FloorId = floor.Id,
                        Label = desk.Label,
                        X = desk.X,
                        Y = desk.Y,
                        Width = desk.Width,
                        Height = desk.Height,
                        Zone = desk.Zone,
                        DeviceId = desk.DeviceId,
                    };
                }).ToList(),
            };
        }).ToList();

        var doors = (space.Doors ?? []).Select(door =>
        {
            RequireId(door.Id, $"door of space '{space.Id}'", path);
            RequireId(door.DeviceId, $"device of door '{door.Id}'", path);
            if (!floors.Any(f => f.Id == door.FloorId))
            {
                throw new InvalidDataException($"Network file '{path}': door '{door.Id}' is on floor '{door.FloorId}', which space '{space.Id}' does not have.");
            }

            return new Door { Id = door.Id, SpaceId = space.Id, FloorId = door.FloorId, Name = door.Name, DeviceId = door.DeviceId };
        }).ToList();

        // Zones and devices are implied by the desks and doors that name them; seeded devices have no secret yet.
        var zones = floors.SelectMany(f => f.Desks).Select(d => d.Zone).Distinct(StringComparer.Ordinal)
            .Select(zone =>
            {
                RequireId(zone, $"zone of space '{space.Id}'", path);
                return new Zone { Id = zone, SpaceId = space.Id, Name = zone };
            })
            .ToList();
        var devices = floors.SelectMany(f => f.Desks).Select(d => new Device { Id = d.DeviceId, SpaceId = space.Id, Kind = DeviceKinds.Desk })
            .Concat(doors.Select(d => new Device { Id = d.DeviceId, SpaceId = space.Id, Kind = DeviceKinds.Door }))
            .DistinctBy(d => d.Id)
            .ToList();

        return new Space
        {
            Id = space.Id,
            Name = space.Name,
            TimeZone = space.TimeZone,
            OpeningHours = OpeningHoursOf(space, path),
            Floors = floors,
            Doors = doors,
            Zones = zones,
            Devices = devices,
        };
    }

    private static List<OpeningHours> OpeningHoursOf(NetworkFile.SpaceEntry space, string path)
    {
        var hours = new List<OpeningHours>();
        foreach (var entry in space.OpeningHours ?? [])
        {
            string where = $"Network file '{path}': the opening hours of space '{space.Id}'";
            if (!LocalTimes.TryParseDay(entry.Day, out var day))
            {
                throw new InvalidDataException($"{where} name the day '{entry.Day}'; days are monday … sunday, in lower case.");
            }

            if (hours.Any(h => h.Day == day))
            {
                throw new InvalidDataException($"{where} give {entry.Day} twice.");
            }

            if (!LocalTimes.TryParseTime(entry.Opens, out var opens) || !LocalTimes.TryParseTime(entry.Closes, out var closes) || closes <= opens)
            {
                throw new InvalidDataException(
                    $"{where} on {entry.Day} are '{entry.Opens}'–'{entry.Closes}'; both must be HH:mm, closing after opening (at 23:59 at the latest).");
            }

            hours.Add(new OpeningHours { SpaceId = space.Id, Day = day, Opens = opens, Closes = closes });
        }

        return hours;
    }

    private static void RequireId(string? id, string what, string path)
    {
        if (id is null || !Ids.IsValid(id))
        {
            throw new InvalidDataException(
                $"Network file '{path}': the id '{id}' of a {what} must be 1 to {Ids.MaxLength} characters of a-z, 0-9 and '-'.");
        }
    }
}
