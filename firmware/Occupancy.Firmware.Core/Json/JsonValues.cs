namespace Occupancy.Firmware.Json
{
    /// <summary>A JSON integer as read from the wire (boxing a long would lose its kind in an ArrayList).</summary>
    internal sealed class JsonNumber
    {
        public JsonNumber(long value) => Value = value;

        public long Value { get; }
    }

    /// <summary>A JSON true/false as read from the wire.</summary>
    internal sealed class JsonBoolean
    {
        public JsonBoolean(bool value) => Value = value;

        public bool Value { get; }
    }

    /// <summary>A JSON null as read from the wire.</summary>
    internal sealed class JsonNull
    {
        public static readonly JsonNull Instance = new JsonNull();
    }
}
