using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Core.Tests.Contract;

/// <summary>Whatever reaches the edge on a device topic must be read exactly or refused with a reason, never half-read.</summary>
public sealed class MalformedPayloadTests
{
    private const string Valid = "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}";

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "empty", "", "empty payload" },
        { "not JSON", "free", "expected '{'" },
        { "array", "[1,2]", "expected '{'" },
        { "nested object", "{\"state\":{\"v\":\"free\"},\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "nested" },
        { "nested array", "{\"state\":\"free\",\"seq\":[1],\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "nested" },
        { "float", "{\"state\":\"free\",\"seq\":1.5,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "only integers" },
        { "exponent", "{\"state\":\"free\",\"seq\":1e3,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "only integers" },
        { "leading zero", "{\"state\":\"free\",\"seq\":01,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "leading zero" },
        { "number too large", "{\"state\":\"free\",\"seq\":1234567890123456789012,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "too large" },
        { "duplicate key", "{\"state\":\"free\",\"state\":\"occupied\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "duplicate member 'state'" },
        { "trailing text", Valid + " trailing", "unexpected text after the object" },
        { "two objects", Valid + Valid, "unexpected text after the object" },
        { "unterminated string", "{\"state\":\"free", "unterminated string" },
        { "unterminated object", "{\"state\":\"free\"", "expected ',' or '}'" },
        { "bad escape", "{\"state\":\"fr\\qee\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "invalid escape" },
        { "bad unicode escape", "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"\\u12G4\"}", "invalid \\u escape" },
        { "raw control character", "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0\n\"}", "control character" },
        { "unquoted name", "{state:\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "expected '\"'" },
        { "missing seq", "{\"state\":\"free\",\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'seq'" },
        { "negative seq", "{\"state\":\"free\",\"seq\":-1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'seq'" },
        { "seq as string", "{\"state\":\"free\",\"seq\":\"1\",\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'seq'" },
        { "missing ts", "{\"state\":\"free\",\"seq\":1,\"fw\":\"1.0.0\"}", "'ts'" },
        { "zero ts", "{\"state\":\"free\",\"seq\":1,\"ts\":0,\"fw\":\"1.0.0\"}", "'ts'" },
        { "missing fw", "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000}", "'fw'" },
        { "empty fw", "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"\"}", "'fw'" },
        { "fw too long", "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"" + new string('1', 33) + "\"}", "'fw'" },
        { "bad state", "{\"state\":\"sleeping\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'state'" },
        { "unknown is not reportable", "{\"state\":\"unknown\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'state'" },
        { "state in upper case", "{\"state\":\"FREE\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'state'" },
        { "missing state", "{\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\"}", "'state'" },
        { "too long", "{\"state\":\"free\",\"seq\":1,\"ts\":1767225600000,\"fw\":\"1.0.0\",\"pad\":\"" + new string('x', 4096) + "\"}", "longer than 4096" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void DeskStateMessage_TryDecode_RejectsMalformedPayloadsWithAReason(string what, string payload, string reason)
    {
        Assert.False(DeskStateMessage.TryDecode(payload, out var message, out var error), what);

        Assert.Null(message);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FlatJsonObject_AtExactlyTheLengthLimit_IsAccepted()
    {
        string prefix = "{\"pad\":\"";
        string payload = prefix + new string('x', FlatJsonObject.MaxLength - prefix.Length - 2) + "\"}";
        Assert.Equal(FlatJsonObject.MaxLength, payload.Length);

        Assert.True(FlatJsonObject.TryParse(payload, out var json, out var error), error);
        Assert.Equal(1, json.Count);
    }

    [Fact]
    public void FlatJsonObject_EmptyObject_IsAnObjectWithNoMembers()
    {
        Assert.True(FlatJsonObject.TryParse(" {} ", out var json, out var error), error);
        Assert.Equal(0, json.Count);
    }
}
