using System.Globalization;
using Microsoft.Extensions.Options;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Utilisation;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// Builds a <see cref="UtilisationReport"/>: utilisation is occupied seconds over open seconds, both counted only
/// within the space's opening hours in its own time zone. Desks are the ones the space has now; rows InfluxDB holds
/// for removed desks are left out. With opening times on whole hours (or none) it reads the daily roll-up
/// (<see cref="DailyUsageRollup"/>), rolling up on the spot the days that have none yet and reading the days not yet
/// closed live; with opening times inside an hour it sums the edges' 5-minute rows into buckets that fit them.
/// </summary>
public sealed class UtilisationReporter(DeskUsageReader usage, DailyUsageRollup rollup, IOptions<UsageRollupOptions> rollupOptions, TimeProvider clock)
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

        var peak = OpeningSchedule.OnWholeHours(space.OpeningHours)
            ? await ReadRolledUpAsync(space, request, zone, deskIndex, deskHourOccupied, weekdayHourOccupied, cancellationToken)
            : await ReadFineAsync(space, request, schedule, deskIndex, deskHourOccupied, weekdayHourOccupied, cancellationToken);

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
            Peak(peak, zone, desks.Length),
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

    private PeakOccupancy? Peak(IntervalPeak? peak, TimeZoneInfo zone, int deskCount)
    {
        if (peak is not { } busiest)
        {
            return null;
        }

        var seconds = usage.IntervalSeconds;
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(busiest.StartMs), zone);
        return new PeakOccupancy(busiest.OccupiedSeconds / seconds, at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), (int)(seconds / 60), deskCount);
    }

    /// <summary>
    /// Occupied seconds per desk and local hour from the daily roll-up, counting the hours open on each day's weekday.
    /// Days without a stored roll-up are rolled up now; the closed ones among them are stored for the next request.
    /// </summary>
    private async Task<IntervalPeak?> ReadRolledUpAsync(
        Space space, UtilisationRequest request, TimeZoneInfo zone, Dictionary<string, int> deskIndex,
        double[] deskHourOccupied, double[] weekdayHourOccupied, CancellationToken cancellationToken)
    {
        var days = LocalDay.Range(zone, request.From, request.To);
        var stored = await rollup.ReadDaysAsync(space.Id, days[0].StartMs, days[^1].EndMs, cancellationToken);
        var weekdays = days.Where(d => stored.ContainsKey(d.StartMs)).ToDictionary(d => d.StartMs, d => d.Date.DayOfWeek);
        var open = OpeningSchedule.OpenHours(space.OpeningHours);

        void Add(string desk, DayOfWeek weekday, double[] hours)
        {
            if (!deskIndex.TryGetValue(desk, out var index))
            {
                return;
            }

            var day = (int)weekday * HoursPerDay;
            for (var hour = 0; hour < HoursPerDay; hour++)
            {
                if (open[day + hour] && hours[hour] != 0)
                {
                    deskHourOccupied[index * HoursPerDay + hour] += hours[hour];
                    weekdayHourOccupied[day + hour] += hours[hour];
                }
            }
        }

        // Rows of a day without its space row may be half written: that day is rolled up again instead.
        var reading = rollup.ReadDeskDaysAsync(space.Id, request.FloorId, days[0].StartMs, days[^1].EndMs, (desk, dayMs, hours) =>
        {
            if (weekdays.TryGetValue(dayMs, out var weekday))
            {
                Add(desk, weekday, hours);
            }
        }, cancellationToken);
        var computed = new List<DayUsage>();
        try
        {
            foreach (var run in LocalDay.ConsecutiveRuns(days.Where(d => !stored.ContainsKey(d.StartMs))))
            {
                computed.AddRange(await rollup.ComputeAsync(space.Id, zone, run[0].Date, run[^1].Date, cancellationToken));
            }
        }
        finally
        {
            await reading;
        }

        IntervalPeak? peak = null;
        foreach (var day in stored.Values)
        {
            peak = IntervalPeak.Busier(peak, PeakOf(day.SpacePeak, day.FloorPeaks, request.FloorId));
        }

        foreach (var day in computed)
        {
            foreach (var desk in day.Desks.Values.Where(d => request.FloorId is null || d.Floor == request.FloorId))
            {
                Add(desk.Desk, day.Day.Date.DayOfWeek, desk.Hours);
            }

            peak = IntervalPeak.Busier(peak, PeakOf(day.SpacePeak, day.FloorPeaks, request.FloorId));
        }

        var now = clock.GetUtcNow();
        // Days without usage rows stay unstored: an edge may still deliver them (a new site uploading its history).
        var closed = computed.Where(d => rollupOptions.Value.IsClosed(d.Day, now) && d.SourceKnownSeconds > 0).ToArray();
        if (closed.Length > 0)
        {
            await rollup.WriteAsync(space.Id, closed, cancellationToken);
        }

        return peak;
    }

    /// <summary>A day's busiest interval in the whole space, or on one floor.</summary>
    private static IntervalPeak? PeakOf(IntervalPeak? spacePeak, Dictionary<string, IntervalPeak> floorPeaks, string? floorId) =>
        floorId is null ? spacePeak : floorPeaks.TryGetValue(floorId, out var peak) ? peak : null;

    /// <summary>Occupied seconds per bucket of the schedule (finer than an hour where opening times need it), from the edges' rows.</summary>
    private async Task<IntervalPeak?> ReadFineAsync(
        Space space, UtilisationRequest request, OpeningSchedule schedule, Dictionary<string, int> deskIndex,
        double[] deskHourOccupied, double[] weekdayHourOccupied, CancellationToken cancellationToken)
    {
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
        IntervalPeak? peak = null;
        foreach (var (startMs, occupied) in await perInterval)
        {
            peak = IntervalPeak.Busier(peak, new IntervalPeak(startMs, occupied));
        }

        return peak;
    }
}
