using System.Device.Gpio;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// A GPIO driver with no hardware behind it: what drives an input pin is <see cref="SetInput"/>,
/// called by a test or by the fleet's simulated people. It raises the same value-changed
/// callbacks a real driver raises, so bindings such as <c>Iot.Device.Hcsr501.Hcsr501</c>
/// run over it unchanged through <c>new GpioController(driver)</c>.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly object _gate = new();
    private readonly Dictionary<int, SimulatedPin> _pins = new();

    public SimulatedGpioDriver(int pinCount = 40)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        PinCount = pinCount;
    }

    protected override int PinCount { get; }

    /// <summary>Sets the level something outside the board puts on an input pin, and raises its callbacks.</summary>
    public void SetInput(int pinNumber, PinValue value)
    {
        ThrowIfInvalid(pinNumber);
        Notify(pinNumber, value, requireInput: true);
    }

    /// <summary>The level of a pin as the board would read it.</summary>
    public PinValue GetLevel(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Level;
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            Pin(pinNumber).IsOpen = true;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            pin.IsOpen = false;
            pin.Callbacks.Clear();
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            bool wasUntouched = !pin.LevelWasSet;
            pin.Mode = mode;

            // An input nobody drives floats to its pull resistor's level.
            if (wasUntouched && mode == PinMode.InputPullUp)
            {
                pin.Level = PinValue.High;
            }
            else if (wasUntouched && mode == PinMode.InputPullDown)
            {
                pin.Level = PinValue.Low;
            }
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return Pin(pinNumber).Mode;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    protected override PinValue Read(int pinNumber) => GetLevel(pinNumber);

    protected override void Write(int pinNumber, PinValue value) => Notify(pinNumber, value, requireInput: false);

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var happened = new ManualResetEventSlim(false);
        PinEventTypes seen = PinEventTypes.None;
        void OnChange(object sender, PinValueChangedEventArgs e)
        {
            seen = e.ChangeType;
            happened.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnChange);
        try
        {
            happened.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, OnChange);
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.Add(new PinCallback(eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    private void Notify(int pinNumber, PinValue value, bool requireInput)
    {
        PinCallback[] callbacks;
        PinEventTypes change;
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            if (requireInput && pin.IsOpen && pin.Mode == PinMode.Output)
            {
                throw new InvalidOperationException($"Pin {pinNumber} is an output: the board drives it, not the outside world.");
            }

            PinValue previous = pin.Level;
            pin.Level = value;
            pin.LevelWasSet = true;
            if (previous == value || !pin.IsOpen)
            {
                return;
            }

            change = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            callbacks = pin.Callbacks.Where(c => (c.EventTypes & change) != 0).ToArray();
        }

        // Outside the lock: a handler may read the pin again (Hcsr501 does).
        var args = new PinValueChangedEventArgs(change, pinNumber);
        foreach (var callback in callbacks)
        {
            callback.Handler(this, args);
        }
    }

    private SimulatedPin Pin(int pinNumber)
    {
        ThrowIfInvalid(pinNumber);
        if (!_pins.TryGetValue(pinNumber, out var pin))
        {
            pin = new SimulatedPin();
            _pins.Add(pinNumber, pin);
        }

        return pin;
    }

    private void ThrowIfInvalid(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= PinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"The simulated board has pins 0 to {PinCount - 1}.");
        }
    }

    private sealed class SimulatedPin
    {
        public bool IsOpen { get; set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue Level { get; set; } = PinValue.Low;

        public bool LevelWasSet { get; set; }

        public List<PinCallback> Callbacks { get; } = new();
    }

    private sealed record PinCallback(PinEventTypes EventTypes, PinChangeEventHandler Handler);
}
