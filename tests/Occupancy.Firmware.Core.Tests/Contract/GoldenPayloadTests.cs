using System.Text;

namespace Occupancy.Firmware.Core.Tests.Contract;

/// <summary>Every message of the contract, pinned byte for byte: a change to the wire format fails here.</summary>
public sealed class GoldenPayloadTests
{
    public static TheoryData<string> Names => ContractSamples.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Message_Encode_WritesTheGoldenBytes(string golden)
    {
        Assert.Equal(Golden.Bytes(golden), Encoding.UTF8.GetBytes(ContractSamples.Messages[golden].Encode()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Message_DecodedFromTheGoldenBytes_EncodesToThemAgain(string golden)
    {
        Assert.Equal(Golden.Text(golden), ContractSamples.Messages[golden].RoundTrip(Golden.Text(golden)));
    }

    [Fact]
    public void GoldenFolder_HasAFileForEveryMessageAndNoStrayOnes()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden"), "*.json").Select(Path.GetFileName).ToHashSet();
        var pinned = ContractSamples.Messages.Keys.Concat(new[]
        {
            "desk-state-occupied.json", "desk-state-free.json", "desk-state-escaped-fw.json", "door-contact-open.json", "door-contact-closed.json",
        });

        Assert.Equal(pinned.Order(), files.Order()!);
    }
}
