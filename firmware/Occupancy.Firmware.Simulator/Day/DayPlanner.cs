namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// Plans one local day of a coworking space: who comes (regulars most weekdays, hardly anyone
/// at weekends), arrivals 8–10, a few half days, coffee breaks, meetings, a lunch dip around
/// 12:30 (many go out), departures 17–20; plus visitors, deliveries that prop a door open and
/// the rare forced door; with the space's opening hours, only while it is open. The same seed and date give the
/// same day.
/// </summary>
internal static class DayPlanner
{
    private const double Minute = 1.0 / 60;

    public static List<MemberEvent> Plan(DateOnly date, TimeZoneInfo zone, IReadOnlyList<SimulatedMember> members, int desks, int doors, int seed, OpeningHours? hours = null)
    {
        var events = new List<MemberEvent>();
        (double Opens, double Closes) open = (0, 24);
        if (hours is not null && !hours.TryGet(date, out open))
        {
            return events; // closed: nobody comes
        }

        bool weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        long At(double hours) => ToUtcMs(date, hours, zone);

        for (int m = 0; m < members.Count; m++)
        {
            var random = new Random(StableHash.Of(seed, members[m].MemberId, date.DayNumber));
            if (random.NextDouble() >= (weekend ? 0.04 : members[m].Regularity))
            {
                continue;
            }

            int door = PickDoor(random, doors);
            (double arrive, double leave) = WorkingHours(random);

            // Within the opening hours: in a few minutes after opening, out a little before closing, and not at all
            // for a visit of less than an hour.
            (arrive, leave) = (Math.Max(arrive, open.Opens + (5 * Minute)), Math.Min(leave, open.Closes - (10 * Minute)));
            if (leave - arrive < 1)
            {
                continue;
            }

            double sit = arrive + Between(random, 1, 3) * Minute;
            events.Add(new MemberEvent(MemberEventKind.ArriveAtDoor, At(arrive), m, door));
            events.Add(new MemberEvent(MemberEventKind.SitDown, At(sit), m, door));
            foreach (var (start, end, goesOut) in AwaySpells(random, sit, leave))
            {
                events.Add(new MemberEvent(MemberEventKind.StepAway, At(start), m, door));
                events.Add(new MemberEvent(MemberEventKind.ComeBack, At(end), m, door));
                if (goesOut)
                {
                    events.Add(new MemberEvent(MemberEventKind.LeaveBuilding, At(start + (2 * Minute)), m, door));
                    events.Add(new MemberEvent(MemberEventKind.ArriveAtDoor, At(end - (2 * Minute)), m, door));
                }
            }

            events.Add(new MemberEvent(MemberEventKind.GoHome, At(leave), m, door));
            events.Add(new MemberEvent(MemberEventKind.LeaveBuilding, At(leave + (Between(random, 1, 3) * Minute)), m, door));
        }

        if (doors > 0 && !weekend)
        {
            var site = new Random(StableHash.Of(seed, "site-day", date.DayNumber));
            for (int v = 0; v < Math.Max(1, desks / 25); v++)
            {
                events.Add(new MemberEvent(MemberEventKind.Visitor, At(Between(site, WhileOpen(9.5, 16.5, open))), Door: 0));
            }

            for (int d = 0; d < doors; d++)
            {
                if (site.NextDouble() < 0.25)
                {
                    events.Add(new MemberEvent(MemberEventKind.Delivery, At(Between(site, WhileOpen(10, 15, open))), Door: d, HoldOpenMs: (long)Between(site, 40_000, 150_000)));
                }

                if (site.NextDouble() < 0.03)
                {
                    events.Add(new MemberEvent(MemberEventKind.Forced, At(Between(site, 7, 22)), Door: d));
                }
            }
        }

        return events;
    }

    /// <summary>UTC epoch ms of <paramref name="hours"/> after local midnight of <paramref name="date"/>.</summary>
    public static long ToUtcMs(DateOnly date, double hours, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddHours(hours);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the hour a spring-forward skips
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    /// <summary>The part of <paramref name="from"/>–<paramref name="to"/> the space is open, or all its opening hours when none of it is.</summary>
    private static (double From, double To) WhileOpen(double from, double to, (double Opens, double Closes) open) =>
        from >= open.Closes || to <= open.Opens ? open : (Math.Max(from, open.Opens), Math.Min(to, open.Closes));

    private static double Between(Random random, (double From, double To) range) => Between(random, range.From, range.To);

    private static (double Arrive, double Leave) WorkingHours(Random random)
    {
        double shape = random.NextDouble();
        if (shape < 0.08)
        {
            return (Normal(random, 8.75, 0.5, 7.5, 10.5), Normal(random, 12.75, 0.4, 12, 14)); // mornings only
        }

        if (shape < 0.16)
        {
            return (Normal(random, 13.25, 0.4, 12.5, 14.5), Normal(random, 18, 0.8, 16.5, 20.5)); // afternoons only
        }

        double arrive = Normal(random, 9.1, 0.6, 7.5, 11);
        double leave = Normal(random, 17.9, 0.9, 16, 20.5);
        return (arrive, Math.Max(leave, arrive + 4 + random.NextDouble()));
    }

    private static List<(double Start, double End, bool GoesOut)> AwaySpells(Random random, double sit, double leave)
    {
        var spells = new List<(double Start, double End, bool GoesOut)>();
        if (sit < 12 && leave > 14 && random.NextDouble() < 0.85)
        {
            double start = Normal(random, 12.4, 0.4, 11.75, 13.5);
            spells.Add((start, start + Between(random, 0.5, 1.1), random.NextDouble() < 0.6));
        }

        int meetings = random.NextDouble() switch { < 0.4 => 0, < 0.8 => 1, _ => 2 };
        for (int i = 0; i < meetings; i++)
        {
            double start = Between(random, sit + 0.5, leave - 1.5);
            spells.Add((start, start + Between(random, 0.5, 1.5), false));
        }

        int breaks = 2 + random.Next(3);
        for (int i = 0; i < breaks; i++)
        {
            double start = Between(random, sit + 0.3, leave - 0.3);
            spells.Add((start, start + (Between(random, 4, 12) * Minute), false));
        }

        // Keep what fits in the day without overlapping what came first.
        spells.Sort((a, b) => a.Start.CompareTo(b.Start));
        var kept = new List<(double Start, double End, bool GoesOut)>();
        double free = sit + (5 * Minute);
        foreach (var spell in spells)
        {
            if (spell.Start >= free && spell.End <= leave - (5 * Minute))
            {
                kept.Add(spell);
                free = spell.End + (5 * Minute);
            }
        }

        return kept;
    }

    private static int PickDoor(Random random, int doors)
    {
        // The main entrance (the first door) takes about half the traffic.
        if (doors <= 1 || random.NextDouble() < 0.5)
        {
            return 0;
        }

        return 1 + random.Next(doors - 1);
    }

    private static double Normal(Random random, double mean, double deviation, double min, double max)
    {
        // Box-Muller, clipped to the day's plausible range.
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Clamp(mean + (deviation * z), min, max);
    }

    private static double Between(Random random, double min, double max) => min + ((max - min) * random.NextDouble());
}
