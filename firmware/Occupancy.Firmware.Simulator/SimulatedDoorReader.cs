using System.Device.Gpio;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// A door reader: reed contact and exit button on pulled-up simulated pins, lock relay, LEDs
/// and buzzer on simulated output pins (readable through <see cref="SimulatedDevice.Driver"/>),
/// a simulated MFRC522 to <see cref="Tap"/> cards on, the core's <see cref="DoorReader"/> and a
/// real MQTT connection.
/// </summary>
public sealed class SimulatedDoorReader : SimulatedDevice
{
    private readonly GpioDigitalInput _contact;
    private readonly GpioDigitalInput _exitButton;
    private readonly GpioDigitalOutput[] _outputs;
    private readonly DoorReader _reader;

    private SimulatedDoorReader(DeviceSettings settings, DoorReaderOptions options, ILoggerFactory? loggerFactory)
        : base(settings, DeviceKinds.Door, loggerFactory)
    {
        // The door is shut when the reader boots: the magnet holds the switch closed to ground.
        Driver.SetInput(SimulatedPins.DoorContact, PinValue.Low);
        Driver.SetInput(SimulatedPins.ExitButton, PinValue.High);
        _contact = new GpioDigitalInput(Controller, SimulatedPins.DoorContact, PinMode.InputPullUp);
        _exitButton = new GpioDigitalInput(Controller, SimulatedPins.ExitButton, PinMode.InputPullUp);
        var relay = new GpioDigitalOutput(Controller, SimulatedPins.LockRelay);
        var green = new GpioDigitalOutput(Controller, SimulatedPins.GreenLed);
        var red = new GpioDigitalOutput(Controller, SimulatedPins.RedLed);
        var buzzer = new GpioDigitalOutput(Controller, SimulatedPins.Buzzer);
        _outputs = [relay, green, red, buzzer];

        // Without a provisioned key the reader cannot verify any command: a random one keeps it locked.
        var signer = new CommandSigner(settings.DoorKey ?? RandomNumberGenerator.GetBytes(DoorKeys.Length));
        var hardware = new DoorHardware(_contact, CardReader, relay, green, red, buzzer, new InvertedInput(_exitButton));
        _reader = new DoorReader(Runtime, options, hardware, signer, Random);
    }

    public SimulatedCardReader CardReader { get; } = new();

    /// <summary>The contact state the reader last saw (and publishes).</summary>
    public bool IsOpen => _reader.IsOpen;

    /// <summary>The core has the lock released.</summary>
    public bool IsUnlocked => _reader.IsUnlocked;

    /// <summary>The lock relay's pin is high.</summary>
    public bool RelayEnergised => Driver.GetLevel(SimulatedPins.LockRelay) == PinValue.High;

    public bool GreenLedOn => Driver.GetLevel(SimulatedPins.GreenLed) == PinValue.High;

    public bool RedLedOn => Driver.GetLevel(SimulatedPins.RedLed) == PinValue.High;

    public bool BuzzerOn => Driver.GetLevel(SimulatedPins.Buzzer) == PinValue.High;

    public bool HasPendingRequest => _reader.HasPendingRequest;

    /// <summary>Device uptime at which the pending request times out.</summary>
    public long PendingDeadlineMs => _reader.PendingDeadlineMs;

    public bool IsHeldOpenAlarmActive => _reader.IsHeldOpenAlarmActive;

    public bool IsForcedAlarmActive => _reader.IsForcedAlarmActive;

    /// <summary>The core, for tests that inspect its settings.</summary>
    public DoorReader Reader => _reader;

    public static Task<SimulatedDoorReader> StartAsync(DeviceSettings settings, CancellationToken cancellationToken = default) =>
        StartAsync(settings, new DoorReaderOptions(), null, cancellationToken);

    /// <summary>Boots the reader: starts its main loop and connects; returns after the first connection attempt.</summary>
    public static async Task<SimulatedDoorReader> StartAsync(DeviceSettings settings, DoorReaderOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reader = new SimulatedDoorReader(settings, options, loggerFactory);
        try
        {
            await reader.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Someone holds a card with this UID (hex) to the reader.</summary>
    public void Tap(string uidHex) => CardReader.Tap(uidHex);

    /// <summary>Someone shows their phone's code to the reader.</summary>
    public void TapCode(string code) => CardReader.TapCode(code);

    /// <summary>Opens or closes the door: the magnet leaves the switch and the pull-up takes the pin high.</summary>
    public void SetDoorOpen(bool open) => Driver.SetInput(SimulatedPins.DoorContact, open ? PinValue.High : PinValue.Low);

    /// <summary>Presses (true) or releases the exit button inside: pressed pulls the pin low.</summary>
    public void SetExitButton(bool pressed) => Driver.SetInput(SimulatedPins.ExitButton, pressed ? PinValue.Low : PinValue.High);

    protected override void Poll() => _reader.Poll();

    protected override void OnConnected() => _reader.OnConnected();

    protected override void OnMessage(string topic, string payload, bool retained) => _reader.OnMessage(topic, payload, retained);

    protected override void DisposeInputs()
    {
        _contact.Dispose();
        _exitButton.Dispose();
        foreach (var output in _outputs)
        {
            output.Dispose();
        }
    }
}
