using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// An HLK-LD2410 mmWave sensor: reports basic-mode target frames on its serial line. A moving
/// person gives a moving and stationary target with high energy, a still one a stationary target
/// with medium energy, an empty desk no target with a little background energy.
/// </summary>
public sealed class SimulatedLd2410(SimulatedUart uart, IRandomSource random)
{
    private readonly byte[] _frame =
    [
        0xF4, 0xF3, 0xF2, 0xF1, 0x0D, 0x00, 0x02, 0xAA,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x55, 0x00, 0xF8, 0xF7, 0xF6, 0xF5,
    ];

    public OccupantActivity Activity { get; set; }

    /// <summary>Sends one report, as the sensor does every ~100 ms.</summary>
    public void Report()
    {
        int distance = 60 + random.Next(40);
        (int state, int movingEnergy, int stationaryEnergy) = Activity switch
        {
            OccupantActivity.Moving => (3, 55 + random.Next(45), 50 + random.Next(40)),
            OccupantActivity.Still => (2, 0, 45 + random.Next(40)),
            _ => (0, 0, random.Next(20)),
        };
        _frame[8] = (byte)state;
        _frame[9] = (byte)(Activity == OccupantActivity.Moving ? distance : 0);
        _frame[10] = 0;
        _frame[11] = (byte)movingEnergy;
        _frame[12] = (byte)(state == 0 ? 0 : distance);
        _frame[13] = 0;
        _frame[14] = (byte)stationaryEnergy;
        _frame[15] = (byte)(state == 0 ? 0 : distance);
        _frame[16] = 0;
        uart.Transmit(_frame);
    }
}
