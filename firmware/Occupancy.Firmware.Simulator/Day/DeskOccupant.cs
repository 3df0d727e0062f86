namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// The person at one desk, second by second: while seated they move in bursts with short still
/// gaps (a PIR drops between movements), now and then sit still for minutes (reading), which
/// only an mmWave sensor sees. Whoever claimed the desk keeps it through breaks and meetings.
/// </summary>
internal sealed class DeskOccupant(SimulatedDeskDevice desk, Random random)
{
    private long _nextChangeMs;
    private OccupantActivity _activity;

    public SimulatedDeskDevice Desk => desk;

    /// <summary>The member whose things are on the desk, or -1.</summary>
    public int ClaimedBy { get; private set; } = -1;

    public bool IsFree => ClaimedBy < 0;

    public bool IsSeated => _activity != OccupantActivity.Absent;

    public void Claim(int member) => ClaimedBy = member;

    public void Release(long nowMs)
    {
        StandUp(nowMs);
        ClaimedBy = -1;
    }

    public void SitDown(long nowMs)
    {
        Set(OccupantActivity.Moving);
        _nextChangeMs = nowMs + Burst();
    }

    public void StandUp(long nowMs)
    {
        Set(OccupantActivity.Absent);
        _nextChangeMs = long.MaxValue;
    }

    public void Advance(long nowMs)
    {
        if (!IsSeated || nowMs < _nextChangeMs)
        {
            return;
        }

        if (_activity == OccupantActivity.Moving)
        {
            Set(OccupantActivity.Still);
            double roll = random.NextDouble();
            _nextChangeMs = nowMs + (roll < 0.85 ? Between(500, 3500) : roll < 0.98 ? Between(20_000, 240_000) : Between(240_000, 480_000));
        }
        else
        {
            Set(OccupantActivity.Moving);
            _nextChangeMs = nowMs + Burst();
        }
    }

    private long Burst() => Between(2000, 25_000);

    private long Between(long min, long max) => min + (long)(random.NextDouble() * (max - min));

    private void Set(OccupantActivity activity)
    {
        if (activity != _activity)
        {
            _activity = activity;
            desk.SetOccupant(activity);
        }
    }
}
