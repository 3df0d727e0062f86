using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>Checks a pass request field by field and copies it onto a pass; turns a pass into its view.</summary>
public static class PassRules
{
    public static async Task<RequestErrors> ApplyAsync(PassRequest request, Pass pass, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (request.Name is { Length: > RequestErrors.MaxNameLength })
        {
            errors.Add("name", $"Must be at most {RequestErrors.MaxNameLength} characters.");
        }

        if (!await db.Members.AnyAsync(m => m.Id == request.MemberId, cancellationToken))
        {
            errors.Add("memberId", $"There is no member '{request.MemberId}'.");
        }

        var spaceIds = (request.SpaceIds ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (spaceIds.Length == 0)
        {
            errors.Add("spaceIds", "A pass names at least one space.");
        }

        var known = await db.Spaces.Where(s => spaceIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var (space, index) in spaceIds.Select((s, i) => (s, i)).Where(x => !known.Contains(x.s)))
        {
            errors.Add($"spaceIds[{index}]", $"There is no space '{space}'.");
        }

        var doors = request.Doors ?? [];
        for (var i = 0; i < doors.Length; i++)
        {
            var door = doors[i];
            if (door is null || !spaceIds.Contains(door.SpaceId))
            {
                errors.Add($"doors[{i}].spaceId", "Must be one of the pass's spaces.");
            }
            else if (!await db.Doors.AnyAsync(d => d.SpaceId == door.SpaceId && d.Id == door.DoorId, cancellationToken))
            {
                errors.Add($"doors[{i}].doorId", $"Space '{door.SpaceId}' has no door '{door.DoorId}'.");
            }
        }

        var days = new List<DayOfWeek>();
        foreach (var (text, index) in (request.Weekdays ?? []).Select((d, i) => (d, i)))
        {
            if (LocalTimes.TryParseDay(text, out var day))
            {
                days.Add(day);
            }
            else
            {
                errors.Add($"weekdays[{index}]", "Must be a weekday in lower case: monday … sunday.");
            }
        }

        TimeOnly? opens = null, closes = null;
        if (request.Opens is not null || request.Closes is not null)
        {
            opens = ParseTime("opens", request.Opens, errors);
            closes = ParseTime("closes", request.Closes, errors);
            if (opens is not null && opens == closes)
            {
                errors.Add("closes", "Must differ from opens (leave both empty for all day).");
            }
        }

        var validFrom = ParseDate("validFrom", request.ValidFrom, errors);
        var validTo = ParseDate("validTo", request.ValidTo, errors);
        if (validFrom is not null && validTo is not null && validTo < validFrom)
        {
            errors.Add("validTo", "Must not be before validFrom.");
        }

        if (errors.Any)
        {
            return errors;
        }

        pass.MemberId = request.MemberId;
        pass.Name = request.Name?.Trim() ?? "";
        // Merged, not replaced: a tracked pass keeps the rows that stay (their keys would clash otherwise).
        pass.Spaces.RemoveAll(s => !spaceIds.Contains(s.SpaceId));
        pass.Spaces.AddRange(spaceIds.Where(id => pass.Spaces.All(s => s.SpaceId != id)).Select(id => new PassSpace { PassId = pass.Id, SpaceId = id }));
        var wantedDoors = doors.Select(d => (d.SpaceId!, d.DoorId!)).Distinct().ToList();
        pass.Doors.RemoveAll(d => !wantedDoors.Contains((d.SpaceId, d.DoorId)));
        pass.Doors.AddRange(wantedDoors.Where(w => !pass.Doors.Any(d => (d.SpaceId, d.DoorId) == w))
            .Select(w => new PassDoor { PassId = pass.Id, SpaceId = w.Item1, DoorId = w.Item2 }));
        pass.Weekdays = days.Count == 0 ? PassWeekdays.All : PassWeekdays.Of(days);
        (pass.Opens, pass.Closes, pass.ValidFrom, pass.ValidTo, pass.Suspended) = (opens, closes, validFrom, validTo, request.Suspended);
        return errors;
    }

    public static PassView View(Pass p) => new(
        p.Id,
        p.MemberId,
        p.Name,
        p.Spaces.Select(s => s.SpaceId).Order(StringComparer.Ordinal).ToArray(),
        p.Doors.OrderBy(d => d.SpaceId, StringComparer.Ordinal).ThenBy(d => d.DoorId, StringComparer.Ordinal).Select(d => new PassDoorDto(d.SpaceId, d.DoorId)).ToArray(),
        PassWeekdays.Days(p.Weekdays).OrderBy(d => ((int)d + 6) % 7).Select(LocalTimes.DayName).ToArray(),
        p.Opens is { } opens ? LocalTimes.Format(opens) : null,
        p.Closes is { } closes ? LocalTimes.Format(closes) : null,
        p.ValidFrom is { } from ? LocalTimes.Format(from) : null,
        p.ValidTo is { } to ? LocalTimes.Format(to) : null,
        p.Suspended,
        p.RevokedAt,
        p.Version);

    private static TimeOnly? ParseTime(string field, string? text, RequestErrors errors)
    {
        if (LocalTimes.TryParseTime(text, out var time))
        {
            return time;
        }

        errors.Add(field, "Must be a time HH:mm (set both opens and closes, or neither for all day).");
        return null;
    }

    private static DateOnly? ParseDate(string field, string? text, RequestErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (LocalTimes.TryParseDate(text, out var date))
        {
            return date;
        }

        errors.Add(field, "Must be a date yyyy-MM-dd.");
        return null;
    }
}
