using System.Text;
using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

public sealed class DeskStateMessageTests
{
    public static TheoryData<string, string, long, long, string> GoldenMessages => new()
    {
        { "desk-state-occupied.json", DeskStates.Occupied, 42, 1767225600000, "1.0.0" },
        { "desk-state-free.json", DeskStates.Free, 9007199254740993, 1767229200123, "1.2.3-sim" },
        { "desk-state-escaped-fw.json", DeskStates.Free, 7, 1767225600000, "a\"b\\c/d\ne\tf\r\u0001é" },
    };

    [Theory]
    [MemberData(nameof(GoldenMessages))]
    public void DeskStateMessage_Encode_WritesTheGoldenBytes(string golden, string state, long seq, long ts, string fw)
    {
        var message = new DeskStateMessage(state, new MessageHeader(seq, ts, fw));

        Assert.Equal(Golden.Text(golden), message.Encode());
        Assert.Equal(Golden.Bytes(golden), Encoding.UTF8.GetBytes(message.Encode()));
    }

    [Theory]
    [MemberData(nameof(GoldenMessages))]
    public void DeskStateMessage_TryDecode_ReadsTheGoldenBytesBack(string golden, string state, long seq, long ts, string fw)
    {
        Assert.True(DeskStateMessage.TryDecode(Golden.Text(golden), out var message, out var error), error);

        Assert.Equal(state, message.State);
        Assert.Equal(state == DeskStates.Occupied, message.IsOccupied);
        Assert.Equal(seq, message.Header.Seq);
        Assert.Equal(ts, message.Header.TimestampMs);
        Assert.Equal(fw, message.Header.Firmware);
    }

    [Fact]
    public void DeskStateMessage_TryDecode_AcceptsWhitespaceAndAnyMemberOrder()
    {
        const string payload = " {\n  \"fw\" : \"1.0.0\",\t\"ts\":1767225600000 , \"seq\":3, \"state\":\"occupied\" }\r\n";

        Assert.True(DeskStateMessage.TryDecode(payload, out var message, out var error), error);
        Assert.True(message.IsOccupied);
        Assert.Equal(3, message.Header.Seq);
    }

    [Fact]
    public void DeskStateMessage_TryDecode_IgnoresMembersItDoesNotKnow()
    {
        const string payload = "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\",\"rssi\":-61,\"debug\":null,\"test\":true}";

        Assert.True(DeskStateMessage.TryDecode(payload, out var message, out var error), error);
        Assert.Equal(DeskStates.Free, message.State);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("line\nbreak, tab\t, return\r")]
    [InlineData("controls \u0001\u001f and \b\f")]
    [InlineData("unicode é ü 漢字 😀")]
    [InlineData("slash / and unicode escapes")]
    public void DeskStateMessage_FirmwareWithSpecialCharacters_RoundTrips(string fw)
    {
        fw = fw.Length > 32 ? fw.Substring(0, 32) : fw;
        var encoded = new DeskStateMessage(DeskStates.Free, new MessageHeader(1, 1767225600000, fw)).Encode();

        Assert.True(DeskStateMessage.TryDecode(encoded, out var decoded, out var error), error);
        Assert.Equal(fw, decoded.Header.Firmware);
    }

    [Fact]
    public void DeskStateMessage_TryDecode_UnderstandsEscapesItDoesNotWrite()
    {
        const string payload = "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"\\u0041\\/\\b\\f\\u00e9\"}";

        Assert.True(DeskStateMessage.TryDecode(payload, out var message, out var error), error);
        Assert.Equal("A/\b\fé", message.Header.Firmware);
    }
}
