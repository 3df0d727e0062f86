using System.Text;
using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

/// <summary>Payloads stay small: a desk state change, the most frequent message, well under 120 bytes even at its largest.</summary>
public sealed class PayloadSizeTests
{
    [Fact]
    public void DeskStateMessage_AtItsLargest_IsUnder120Bytes()
    {
        // The largest seq the parser reads (18 digits), a 13-digit timestamp and the longest firmware version allowed.
        var header = new MessageHeader(999_999_999_999_999_999, 9_999_999_999_999, new string('9', 32));
        string payload = new DeskStateMessage(DeskStates.Occupied, header).Encode();

        Assert.True(Encoding.UTF8.GetByteCount(payload) < 120, $"{Encoding.UTF8.GetByteCount(payload)} bytes: {payload}");
        Assert.True(DeskStateMessage.TryDecode(payload, out _, out var error), error);
    }

    [Theory]
    [MemberData(nameof(GoldenPayloadTests.Names), MemberType = typeof(GoldenPayloadTests))]
    public void EveryMessage_IsUnder256Bytes(string golden)
    {
        Assert.True(Golden.Bytes(golden).Length < 256, $"{golden}: {Golden.Bytes(golden).Length} bytes");
    }
}
