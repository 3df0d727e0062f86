using System.Globalization;
using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Core.Tests.Json;

public sealed class JsonObjectWriterTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-61L)]
    [InlineData(999999999999999999L)] // the parser reads up to 18 digits
    [InlineData(-999999999999999999L)]
    public void JsonObjectWriter_Numbers_RoundTripThroughTheParser(long value)
    {
        string json = new JsonObjectWriter().Add("n", value).ToString();

        Assert.True(FlatJsonObject.TryParse(json, out var parsed, out var error), error);
        Assert.True(parsed.TryGetLong("n", out long read));
        Assert.Equal(value, read);
    }

    [Fact]
    public void JsonObjectWriter_UnderACultureWithAUnicodeMinusSign_WritesAnAsciiMinus()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // Swedish formats -5 as "−5" (U+2212), which is not JSON.
            CultureInfo.CurrentCulture = new CultureInfo("sv-SE");

            Assert.Equal("{\"n\":-5,\"min\":-9223372036854775808}", new JsonObjectWriter().Add("n", -5).Add("min", long.MinValue).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void JsonObjectWriter_WritesMembersInOrderWithoutWhitespace()
    {
        string json = new JsonObjectWriter().Add("s", "x").Add("n", 7).Add("t", true).Add("f", false).ToString();

        Assert.Equal("{\"s\":\"x\",\"n\":7,\"t\":true,\"f\":false}", json);
    }

    [Fact]
    public void JsonObjectWriter_WithNoMembers_WritesAnEmptyObject()
    {
        Assert.Equal("{}", new JsonObjectWriter().ToString());
    }
}
