using System.Text;
using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

public sealed class DoorContactMessageTests
{
    public static TheoryData<string, bool, long, long> GoldenMessages => new()
    {
        { "door-contact-open.json", true, 1, 1767225600000 },
        { "door-contact-closed.json", false, 2, 1767225603000 },
    };

    [Theory]
    [MemberData(nameof(GoldenMessages))]
    public void DoorContactMessage_Encode_WritesTheGoldenBytes(string golden, bool isOpen, long seq, long ts)
    {
        var message = new DoorContactMessage(isOpen, new MessageHeader(seq, ts, "1.0.0"));

        Assert.Equal(Golden.Bytes(golden), Encoding.UTF8.GetBytes(message.Encode()));
    }

    [Theory]
    [MemberData(nameof(GoldenMessages))]
    public void DoorContactMessage_TryDecode_ReadsTheGoldenBytesBack(string golden, bool isOpen, long seq, long ts)
    {
        Assert.True(DoorContactMessage.TryDecode(Golden.Text(golden), out var message, out var error), error);

        Assert.Equal(isOpen, message.IsOpen);
        Assert.Equal(seq, message.Header.Seq);
        Assert.Equal(ts, message.Header.TimestampMs);
        Assert.Equal("1.0.0", message.Header.Firmware);
    }

    [Theory]
    [InlineData("{\"contact\":\"ajar\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'contact'")]
    [InlineData("{\"contact\":true,\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'contact'")]
    [InlineData("{\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'contact'")]
    [InlineData("{\"contact\":\"open\",\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'seq'")]
    [InlineData("{\"contact\":\"open\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"", "expected ',' or '}'")]
    public void DoorContactMessage_TryDecode_RejectsMalformedPayloadsWithAReason(string payload, string reason)
    {
        Assert.False(DoorContactMessage.TryDecode(payload, out var message, out var error));

        Assert.Null(message);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
