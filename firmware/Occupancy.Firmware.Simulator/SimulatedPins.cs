namespace Occupancy.Firmware.Simulator;

/// <summary>Where the simulated boards have their sensors, matching the wiring in firmware/README.md.</summary>
public static class SimulatedPins
{
    /// <summary>The desk sensor's HC-SR501 OUT.</summary>
    public const int Presence = 4;

    /// <summary>The door reader's reed contact (to ground, pin pulled up).</summary>
    public const int DoorContact = 5;
}
