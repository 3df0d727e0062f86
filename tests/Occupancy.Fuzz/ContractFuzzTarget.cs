using System.Text;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Json;

namespace Occupancy.Fuzz;

/// <summary>
/// One fuzz input through every parser of the wire contract. The input is a topic line and a
/// payload: <c>topic\npayload</c>. Parsers must answer false with a reason on bad input, never
/// throw; and whatever a decoder accepts must survive encode → decode unchanged.
/// </summary>
public static class ContractFuzzTarget
{
    /// <summary>
    /// Set to plant a known bug (a throw on any payload starting with '[' under a valid topic),
    /// so a test can prove the fuzzing pipeline finds crashes at all.
    /// </summary>
    public const string PlantedBugVariable = "OCCUPANCY_FUZZ_PLANTED_BUG";

    private static readonly bool PlantedBug = Environment.GetEnvironmentVariable(PlantedBugVariable) == "1";

    public static void Run(ReadOnlySpan<byte> input)
    {
        string text = Encoding.UTF8.GetString(input);
        int newline = text.IndexOf('\n');
        string topic = newline < 0 ? text : text[..newline];
        string payload = newline < 0 ? text : text[(newline + 1)..];

        if (DeviceTopic.TryParse(topic, out var parsed))
        {
            if (PlantedBug && payload.StartsWith('['))
            {
                throw new InvalidOperationException("planted bug");
            }

            Check(DeviceTopic.TryParse(parsed.ToString(), out var again) && again.ToString() == parsed.ToString(), "a parsed topic rebuilds to itself");
        }

        FlatJsonObject.TryParse(payload, out _, out _);

        if (DeskStateMessage.TryDecode(payload, out var desk, out _))
        {
            Check(DeskStateMessage.TryDecode(desk.Encode(), out var back, out _) && back.Encode() == desk.Encode(), "a desk state re-encodes to itself");
        }

        if (DoorContactMessage.TryDecode(payload, out var door, out _))
        {
            Check(DoorContactMessage.TryDecode(door.Encode(), out var back, out _) && back.Encode() == door.Encode(), "a door contact re-encodes to itself");
        }
    }

    private static void Check(bool invariant, string what)
    {
        if (!invariant)
        {
            throw new InvalidOperationException("invariant broken: " + what);
        }
    }
}
