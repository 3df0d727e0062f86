using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Core.Tests.Presence;

/// <summary>Frames as LD2410 sensors send them (captures from the protocol manual and from devices).</summary>
public sealed class Ld2410FrameParserTests
{
    // Basic mode, stationary target: the protocol manual's example.
    public const string Stationary = "F4F3F2F1 0D00 02AA 02 5100 00 0000 3B 0000 5500 F8F7F6F5";

    // Basic mode, moving and stationary target, both at full energy (a person at 79/76 cm).
    public const string MovingAndStationary = "F4F3F2F1 0D00 02AA 03 4F00 64 4C00 64 3200 5500 F8F7F6F5";

    // Basic mode, no target although there is some background energy.
    public const string NoTarget = "F4F3F2F1 0D00 02AA 00 0000 00 0000 37 0000 5500 F8F7F6F5";

    // Engineering mode (35 bytes of data, 9 gates each), captured from a device: no target.
    public const string EngineeringNoTarget =
        "F4F3F2F1 2300 01AA 00 1E00 00 1E00 0D 0000 08 08 130E07020507030405 00000D0605050505 05 6200 5500 F8F7F6F5";

    // Engineering mode: the protocol manual's example, moving and stationary target.
    public const string EngineeringBoth =
        "F4F3F2F1 2300 01AA 03 1E00 3C 0000 39 0000 08 08 3C2205030304030605 0000391013060608 04 6001 5500 F8F7F6F5";

    // A command acknowledgement (enable configuration), which shares the serial line.
    public const string Ack = "FDFCFBFA 0800 FF01 0000 0100 4000 04030201";

    [Fact]
    public void Parser_OnTheManualsBasicFrame_ReadsEveryField()
    {
        var parser = new Ld2410FrameParser();

        Assert.True(Feed(parser, Stationary));

        var report = parser.Latest;
        Assert.Equal(Ld2410Report.StationaryTarget, report.TargetState);
        Assert.Equal(81, report.MovingDistanceCm);
        Assert.Equal(0, report.MovingEnergy);
        Assert.Equal(0, report.StationaryDistanceCm);
        Assert.Equal(59, report.StationaryEnergy);
        Assert.Equal(0, report.DetectionDistanceCm);
        Assert.False(report.IsEngineering);
        Assert.True(report.HasStationaryTarget);
        Assert.False(report.HasMovingTarget);
    }

    [Fact]
    public void Parser_OnAFrameWithBothTargets_ReadsDistancesLittleEndian()
    {
        var parser = new Ld2410FrameParser();

        Assert.True(Feed(parser, MovingAndStationary));

        Assert.Equal((3, 79, 100, 76, 100, 50), (parser.Latest.TargetState, parser.Latest.MovingDistanceCm, parser.Latest.MovingEnergy, parser.Latest.StationaryDistanceCm, parser.Latest.StationaryEnergy, parser.Latest.DetectionDistanceCm));
    }

    [Theory]
    [InlineData(EngineeringNoTarget, 0, 30, 13)]
    [InlineData(EngineeringBoth, 3, 30, 57)]
    public void Parser_OnEngineeringFrames_ReadsTheBasicPart(string frame, int state, int movingCm, int stationaryEnergy)
    {
        var parser = new Ld2410FrameParser();

        Assert.True(Feed(parser, frame));

        Assert.True(parser.Latest.IsEngineering);
        Assert.Equal((state, movingCm, stationaryEnergy), (parser.Latest.TargetState, parser.Latest.MovingDistanceCm, parser.Latest.StationaryEnergy));
    }

    [Fact]
    public void Parser_BetweenNoiseAcknowledgementsAndSplitReads_FindsEveryFrame()
    {
        var parser = new Ld2410FrameParser();
        var stream = Bytes("00 F4 F3 11" + Ack + "F4" + NoTarget + "AA55" + Stationary + MovingAndStationary);

        int found = 0;
        foreach (var b in stream)
        {
            if (parser.Push(b))
            {
                found++;
            }
        }

        Assert.Equal(3, found);
        Assert.Equal(3, parser.FramesParsed);
        Assert.Equal(Ld2410Report.MovingAndStationaryTarget, parser.Latest.TargetState);
    }

    [Theory]
    [InlineData("F4F3F2F1 0D00 02AA 02 5100 00 0000 3B 0000 5500 F8F7F6F4")] // broken footer
    [InlineData("F4F3F2F1 0D00 02AB 02 5100 00 0000 3B 0000 5500 F8F7F6F5")] // no AA head
    [InlineData("F4F3F2F1 0D00 02AA 02 5100 00 0000 3B 0000 5400 F8F7F6F5")] // no 55 tail
    [InlineData("F4F3F2F1 0D00 02AA 07 5100 00 0000 3B 0000 5500 F8F7F6F5")] // target state 7
    [InlineData("F4F3F2F1 0D00 03AA 02 5100 00 0000 3B 0000 5500 F8F7F6F5")] // unknown data type
    [InlineData("F4F3F2F1 FF00 02AA 02 5100 00 0000 3B 0000 5500 F8F7F6F5")] // absurd length
    [InlineData("F4F3F2F1 2300 01AA 00 1E00 00 1E00 0D 0000 20 20 130E07020507030405 00000D0605050505 05 6200 5500 F8F7F6F5")] // gate counts overrun the frame
    public void Parser_OnABrokenFrame_RejectsItAndReadsTheNextGoodOne(string broken)
    {
        var parser = new Ld2410FrameParser();

        Assert.False(Feed(parser, broken));
        Assert.Equal(1, parser.FramesRejected);
        Assert.True(Feed(parser, MovingAndStationary));
        Assert.Equal(1, parser.FramesParsed);
    }

    private static bool Feed(Ld2410FrameParser parser, string hex)
    {
        var bytes = Bytes(hex);
        return parser.Push(bytes, 0, bytes.Length);
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
