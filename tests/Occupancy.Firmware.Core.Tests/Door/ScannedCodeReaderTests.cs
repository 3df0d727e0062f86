using System.Text;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Core.Tests.Door;

public sealed class ScannedCodeReaderTests
{
    private readonly FakeByteStream _serial = new() { MaxChunk = 5 };
    private readonly ScannedCodeReader _scanner;

    public ScannedCodeReaderTests()
    {
        _scanner = new ScannedCodeReader(_serial);
    }

    [Fact]
    public void Scanner_ReadsEachLineAsAnOpaqueCode()
    {
        _serial.Receive(Encoding.ASCII.GetBytes("otp1:m-4711:492817\r\nsecond\n"));

        Assert.True(_scanner.TryRead(out var first));
        Assert.True(_scanner.TryRead(out var second));
        Assert.False(_scanner.TryRead(out _));
        Assert.Equal((Credential.Code, "otp1:m-4711:492817"), (first.Type, first.Value));
        Assert.Equal("second", second.Value);
    }

    [Fact]
    public void Scanner_WithAHalfLine_WaitsForItsEnd()
    {
        _serial.Receive(Encoding.ASCII.GetBytes("half"));
        Assert.False(_scanner.TryRead(out _));

        _serial.Receive(Encoding.ASCII.GetBytes("-code\r"));

        Assert.True(_scanner.TryRead(out var code));
        Assert.Equal("half-code", code.Value);
    }

    [Theory]
    [InlineData("has space\n")]
    [InlineData("tab\there\n")]
    public void Scanner_DropsAndCountsLinesThatAreNoCode(string line)
    {
        _serial.Receive(Encoding.ASCII.GetBytes(line + "good\n"));

        Assert.True(_scanner.TryRead(out var code));
        Assert.Equal("good", code.Value);
        Assert.Equal(1, _scanner.Rejected);
    }

    [Fact]
    public void Scanner_DropsAnOverlongLineWhole()
    {
        _serial.Receive(Encoding.ASCII.GetBytes(new string('x', 100) + "\n" + "ok\n"));

        Assert.True(_scanner.TryRead(out var code));
        Assert.Equal("ok", code.Value);
        Assert.Equal(1, _scanner.Rejected);
    }

    [Fact]
    public void EitherReader_TakesCardsAndCodes()
    {
        var cards = new FakeCardReader();
        var either = new EitherCardReader(cards, _scanner);
        cards.Tap("04a1b2c3");
        _serial.Receive(Encoding.ASCII.GetBytes("code-1\n"));

        Assert.True(either.TryRead(out var first));
        Assert.True(either.TryRead(out var second));
        Assert.False(either.TryRead(out _));
        Assert.Equal((Credential.Card, Credential.Code), (first.Type, second.Type));
    }
}
