using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>An input pin the test sets.</summary>
public sealed class FakeInput : IDigitalInput
{
    public bool High { get; set; }

    public bool Read() => High;
}
