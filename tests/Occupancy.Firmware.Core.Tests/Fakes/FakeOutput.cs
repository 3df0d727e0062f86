using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>An output pin that remembers its level and every write.</summary>
public sealed class FakeOutput : IDigitalOutput
{
    public bool IsOn { get; private set; }

    public List<bool> Writes { get; } = new();

    public void Write(bool on)
    {
        IsOn = on;
        Writes.Add(on);
    }
}
