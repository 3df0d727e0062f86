namespace Occupancy.Firmware.Simulator;

/// <summary>The presence sensor fitted to a desk sensor board.</summary>
public enum PresenceSensorKind
{
    /// <summary>HC-SR501 passive infrared on a GPIO: sees movement only.</summary>
    Pir,

    /// <summary>HLK-LD2410 24 GHz radar on a UART: sees still people too.</summary>
    MmWave,
}
