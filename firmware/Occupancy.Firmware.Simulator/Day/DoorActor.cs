using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// Everyone who passes one door, one at a time, in simulated time: taps and waits for the lock,
/// retries, gets let in with the exit button, opens and closes the door, props it open.
/// </summary>
internal sealed class DoorActor(SimulatedDoorReader door, Random random, long decisionTimeoutMs)
{
    private readonly PriorityQueue<DoorVisit, long> _waiting = new();
    private DoorVisit? _current;
    private Stage _stage;
    private long _stageAtMs;
    private int _attempts;
    private long _giveUpAtMs;

    private enum Stage
    {
        Begin,
        WaitForLock,
        LetIn,
        ReleaseButton,
        Open,
        Close,
    }

    public SimulatedDoorReader Door => door;

    public int Waiting => _waiting.Count + (_current is null ? 0 : 1);

    /// <summary>People who got in with their own credential.</summary>
    public long Admitted { get; private set; }

    /// <summary>People let in by someone inside after their credential did not open the door.</summary>
    public long LetIn { get; private set; }

    public void Schedule(DoorVisit visit) => _waiting.Enqueue(visit, visit.AtMs);

    public void Advance(long nowMs)
    {
        if (_current is null)
        {
            if (!_waiting.TryPeek(out var next, out long at) || at > nowMs)
            {
                return;
            }

            _current = _waiting.Dequeue();
            _stage = Stage.Begin;
            _stageAtMs = nowMs;
            _attempts = 0;
        }

        if (nowMs < _stageAtMs)
        {
            return;
        }

        switch (_stage)
        {
            case Stage.Begin:
                Begin(nowMs);
                break;
            case Stage.WaitForLock:
                if (door.IsUnlocked)
                {
                    Admitted++;
                    Next(Stage.Open, nowMs + Between(800, 2000));
                }
                else if (!door.HasPendingRequest && (door.RedLedOn || nowMs >= _giveUpAtMs))
                {
                    // Red light and the long beep, or nothing at all for too long.
                    Refused(nowMs);
                }

                break;
            case Stage.LetIn:
                door.SetExitButton(true);
                Next(Stage.ReleaseButton, nowMs);
                break;
            case Stage.ReleaseButton:
                door.SetExitButton(false);
                Next(Stage.Open, nowMs + Between(500, 1500));
                break;
            case Stage.Open:
                door.SetDoorOpen(true);
                Next(Stage.Close, nowMs + (_current.HoldOpenMs > 0 ? _current.HoldOpenMs : Between(2500, 6000)));
                break;
            case Stage.Close:
                door.SetDoorOpen(false);
                _current = null;
                break;
        }
    }

    private void Begin(long nowMs)
    {
        switch (_current!.Kind)
        {
            case DoorVisitKind.Enter:
            case DoorVisitKind.Visitor:
            case DoorVisitKind.Delivery:
                TapCredential(nowMs);
                break;
            case DoorVisitKind.Exit:
                Next(Stage.LetIn, nowMs);
                break;
            case DoorVisitKind.Forced:
                Next(Stage.Open, nowMs);
                break;
        }
    }

    private void TapCredential(long nowMs)
    {
        _attempts++;
        var member = _current!.Member;
        if (member is null)
        {
            var stranger = _current.Stranger ?? new Credential(Credential.Card, "04" + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())[..6]));
            door.Tap(stranger.Value);
        }
        else if (member.UsesPhone && _attempts == 1)
        {
            door.TapCode(member.PhoneCode(nowMs));
        }
        else
        {
            door.Tap(member.CardUid);
        }

        // Watch the lock from the next moment on; give up after the reader's own timeout and a moment more.
        _giveUpAtMs = nowMs + decisionTimeoutMs + 1000;
        Next(Stage.WaitForLock, nowMs);
    }

    private void Refused(long nowMs)
    {
        bool mayRetry = _current!.Kind == DoorVisitKind.Enter && _attempts == 1 && _current.Member is { } member;
        if (mayRetry)
        {
            // Try again with the card (or the same card once the reader stops ignoring it).
            _stage = Stage.Begin;
            _stageAtMs = nowMs + Between(3200, 6000);
            return;
        }

        LetIn++;
        Next(Stage.LetIn, nowMs + Between(10_000, 45_000));
    }

    private void Next(Stage stage, long atMs)
    {
        _stage = stage;
        _stageAtMs = atMs;
    }

    private long Between(long min, long max) => min + (long)(random.NextDouble() * (max - min));
}
