using Occupancy.Firmware.Desk;

namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// The person at one desk in the fast "busy" schedule, made for short demo timings: the day
/// ignores the clock, and everything scales with the sensor's hold times. Away, they sometimes walk past the
/// desk (a blip shorter than the occupied-after time). Seated, the PIR sees them in bursts
/// with short gaps and now and then a long still spell; they take coffee breaks shorter than
/// the free-after time (the desk stays occupied) and at some point leave for a long while.
/// All durations scale with the sensor's timing, so a demo with short timings runs fast.
/// </summary>
internal sealed class BusyPerson
{
    private readonly SimulatedDeskDevice _desk;
    private readonly Random _random;
    private readonly double _occupiedAfter;
    private readonly double _freeAfter;
    private readonly double _gap;
    private bool _seated;
    private bool _onBreak;
    private double _phaseEnds;
    private double _nextPinChange;
    private bool _moving;

    public BusyPerson(SimulatedDeskDevice desk, DeskSensorOptions sensor, Random random, double now)
    {
        _desk = desk;
        _random = random;
        _occupiedAfter = sensor.OccupiedAfterMs / 1000.0;
        _freeAfter = Math.Max(sensor.FreeAfterMs / 1000.0, 1);
        _gap = Math.Max(sensor.PresenceGapMs / 1000.0, 0.2);

        // The simulation starts mid-morning: some people already sit at their desks.
        if (random.NextDouble() < 0.4)
        {
            Sit(now, remaining: Between(0.1, 1) * SeatedSpell());
        }
        else
        {
            Leave(now, remaining: Between(0, 1) * LongAbsence());
        }
    }

    /// <summary>Raised when the person arrives at (true) or leaves (false) the building, not on coffee breaks.</summary>
    public event Action<bool>? PassedTheDoor;

    /// <summary>Moves the simulation on to <paramref name="now"/> (seconds since the fleet started).</summary>
    public void Advance(double now)
    {
        if (now >= _phaseEnds)
        {
            if (_seated)
            {
                _onBreak = _random.NextDouble() < 0.35;
                Leave(now, remaining: _onBreak ? Between(0.2, 0.8) * _freeAfter : LongAbsence());
                if (!_onBreak)
                {
                    PassedTheDoor?.Invoke(false);
                }
            }
            else
            {
                Sit(now, remaining: SeatedSpell());
                if (!_onBreak)
                {
                    PassedTheDoor?.Invoke(true);
                }

                _onBreak = false;
            }

            return;
        }

        if (now < _nextPinChange)
        {
            return;
        }

        if (_seated)
        {
            SetMoving(now, !_moving);
        }
        else if (_moving)
        {
            SetMoving(now, false);
        }
        else
        {
            WalkPast(now);
        }
    }

    private void Sit(double now, double remaining)
    {
        _seated = true;
        _phaseEnds = now + remaining;
        SetMoving(now, true);
    }

    private void Leave(double now, double remaining)
    {
        _seated = false;
        _phaseEnds = now + remaining;
        _moving = false;
        _desk.SetPresence(false);
        _nextPinChange = now + NextWalkPast();
    }

    private void SetMoving(double now, bool moving)
    {
        _moving = moving;
        _desk.SetPresence(moving);
        if (!_seated)
        {
            _nextPinChange = now + NextWalkPast();
        }
        else if (moving)
        {
            // The HC-SR501 holds OUT high for a few seconds after each movement, retriggered while people move.
            _nextPinChange = now + Between(1.5, 5);
        }
        else
        {
            bool stillSpell = _random.NextDouble() < 0.15;
            _nextPinChange = now + (stillSpell ? Between(_gap * 1.2, Math.Max(_gap * 1.2, _freeAfter * 0.8)) : Between(0.2, 0.9) * _gap);
        }
    }

    private void WalkPast(double now)
    {
        // Too short to count as sitting down: the detector must ignore it.
        double blip = Between(0.3, 0.7) * _occupiedAfter;
        if (blip < 0.3)
        {
            _nextPinChange = now + NextWalkPast();
            return;
        }

        _moving = true;
        _desk.SetPresence(true);
        _nextPinChange = now + blip;
    }

    private double SeatedSpell() => Between(2, 8) * _freeAfter;

    private double LongAbsence() => Between(1, 6) * _freeAfter;

    private double NextWalkPast() => Between(1, 4) * _freeAfter;

    private double Between(double min, double max) => min + ((max - min) * _random.NextDouble());
}
