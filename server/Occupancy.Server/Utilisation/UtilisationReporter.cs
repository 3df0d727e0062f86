using System.Globalization;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Utilisation;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// Builds a <see cref="UtilisationReport"/>: utilisation is occupied seconds over open seconds, both counted only
/// within the space's opening hours in its own time zone. Desks are the ones the space has now; rows InfluxDB holds
/// for removed desks are left out.
/// </summary>
public sealed class UtilisationReporter(DeskUsageReader usage)
{
    private const int HoursPerDay = 24;

    public async Task<UtilisationReport> BuildAsync(Space space, UtilisationRequest request, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(space.TimeZone);
        var schedule = new OpeningSchedule(zone, space.OpeningHours, request.From, request.To);
        var floors = space.Floors.Where(f => request.FloorId is null || f.Id == request.FloorId).OrderBy(f => f.Id, StringComparer.Ordinal).ToArray();
        var desks = floors.SelectMany(f => f.Desks.OrderBy(d => d.Label, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id, StringComparer.Ordinal)).ToArray();
        var deskIndex = desks.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        var deskHourOccupied = new double[desks.Length * HoursPerDay];
        var weekdayHourOccupied = new double[7 * HoursPerDay];
        var hourOpen = new double[HoursPerDay];
        var weekdayHourOpen = new double[7 * HoursPerDay];
        foreach (var bucket in schedule.OpenBuckets.Values)
        {
            hourOpen[bucket.HourOfDay] += bucket.OpenSeconds;
            weekdayHourOpen[(int)bucket.Weekday * HoursPerDay + bucket.HourOfDay] += bucket.OpenSeconds;
        }

        var perDesk = usage.ReadPerDeskAsync(space.Id, request.FloorId, schedule, (desk, startMs, occupied) =>
        {
            if (deskIndex.TryGetValue(desk, out var index) && schedule.TryGetOpen(startMs, out var bucket))
            {
                deskHourOccupied[index * HoursPerDay + bucket.HourOfDay] += occupied;
                weekdayHourOccupied[(int)bucket.Weekday * HoursPerDay + bucket.HourOfDay] += occupied;
            }
        }, cancellationToken);
        var perInterval = usage.ReadPerIntervalAsync(space.Id, request.FloorId, schedule.StartUtc, schedule.EndUtc, cancellationToken);
        await Task.WhenAll(perDesk, perInterval);

        var hours = Enumerable.Range(0, HoursPerDay).Where(h => schedule.HasOpenHour[h]).ToArray();
        var openPerDesk = hourOpen.Sum();
        var deskViews = desks.Select((desk, i) =>
        {
            var cells = hours.Select(h => Cell(h, deskHourOccupied[i * HoursPerDay + h], hourOpen[h])).ToArray();
            var occupied = cells.Sum(c => c.OccupiedSeconds);
            return new DeskUtilisation(desk.Id, desk.Label, desk.FloorId, desk.Zone, Ratio(occupied, openPerDesk), occupied, openPerDesk, cells);
        }).ToArray();

        var weekdays = WeekOrder().Select(day => new WeekdayUtilisation(LocalTimes.DayName(day), hours
            .Select(h => Cell(h, weekdayHourOccupied[(int)day * HoursPerDay + h], weekdayHourOpen[(int)day * HoursPerDay + h] * desks.Length))
            .ToArray())).ToArray();

        var zoneNames = space.Zones.ToDictionary(z => z.Id, z => z.Name, StringComparer.Ordinal);
        var floorViews = floors.Select(f => Group(f.Id, f.Name, deskViews.Where(d => d.FloorId == f.Id).ToArray())).ToArray();
        var zoneViews = deskViews.GroupBy(d => d.Zone, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, zoneNames.GetValueOrDefault(g.Key, g.Key), g.ToArray())).ToArray();

        return new UtilisationReport(
            space.Id,
            space.Name,
            space.TimeZone,
            LocalTimes.Format(request.From),
            LocalTimes.Format(request.To),
            request.FloorId,
            schedule.AroundTheClock,
            hours,
            deskViews,
            weekdays,
            floorViews,
            zoneViews,
            Peak(await perInterval, zone, desks.Length),
            request.RarelyUsedBelow,
            deskViews.Where(d => openPerDesk > 0 && d.OccupiedSeconds == 0).Select(d => d.Id).ToArray(),
            deskViews.Where(d => d.OccupiedSeconds > 0 && d.Utilisation < request.RarelyUsedBelow).Select(d => d.Id).ToArray());
    }

    /// <summary>Monday first, as a working week reads.</summary>
    private static IEnumerable<DayOfWeek> WeekOrder() => Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7));

    private static HourCell Cell(int hour, double occupied, double open) => new(hour, Ratio(occupied, open), occupied, open);

    private static double? Ratio(double occupied, double open) => open > 0 ? occupied / open : null;

    private static GroupUtilisation Group(string id, string name, DeskUtilisation[] desks)
    {
        var occupied = desks.Sum(d => d.OccupiedSeconds);
        var open = desks.Sum(d => d.OpenSeconds);
        return new GroupUtilisation(id, name, desks.Length, Ratio(occupied, open), occupied, open);
    }

    private PeakOccupancy? Peak(IReadOnlyList<(long StartMs, double OccupiedSeconds)> intervals, TimeZoneInfo zone, int deskCount)
    {
        if (intervals.Count == 0)
        {
            return null;
        }

        var seconds = usage.IntervalSeconds;
        var busiest = intervals.MaxBy(i => i.OccupiedSeconds);
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(busiest.StartMs), zone);
        return new PeakOccupancy(busiest.OccupiedSeconds / seconds, at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), (int)(seconds / 60), deskCount);
    }
}
