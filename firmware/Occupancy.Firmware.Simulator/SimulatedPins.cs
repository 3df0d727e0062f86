namespace Occupancy.Firmware.Simulator;

/// <summary>Where the simulated boards have their parts: the same GPIOs as the wiring in firmware/README.md.</summary>
public static class SimulatedPins
{
    /// <summary>Desk sensor: the HC-SR501 OUT.</summary>
    public const int Presence = 4;

    /// <summary>Door reader: the reed contact (to ground, pin pulled up: open door reads high).</summary>
    public const int DoorContact = 27;

    /// <summary>Door reader: the request-to-exit button (to ground, pin pulled up: pressed reads low).</summary>
    public const int ExitButton = 14;

    /// <summary>Door reader: the lock relay's driver input (high = lock released).</summary>
    public const int LockRelay = 26;

    public const int GreenLed = 25;

    public const int RedLed = 33;

    public const int Buzzer = 32;
}
