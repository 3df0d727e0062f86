using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// Fields every device message carries: a per-device sequence number (it continues across
    /// reboots, so the edge tells a restart from a replay), the device's UTC time in epoch
    /// milliseconds, and the firmware version.
    /// </summary>
    public sealed class MessageHeader
    {
        public const string SeqField = "seq";
        public const string TimestampField = "ts";
        public const string FirmwareField = "fw";

        public MessageHeader(long seq, long timestampMs, string firmware)
        {
            Seq = seq;
            TimestampMs = timestampMs;
            Firmware = firmware;
        }

        public long Seq { get; }

        public long TimestampMs { get; }

        public string Firmware { get; }

        public void WriteTo(JsonObjectWriter writer)
        {
            writer.Add(SeqField, Seq).Add(TimestampField, TimestampMs).Add(FirmwareField, Firmware);
        }

        public static bool TryRead(FlatJsonObject json, out MessageHeader header, out string error)
        {
            header = null!;
            long seq;
            long ts;
            string fw;
            if (!json.TryGetLong(SeqField, out seq) || seq < 0)
            {
                error = "missing or negative 'seq'";
                return false;
            }

            if (!json.TryGetLong(TimestampField, out ts) || ts <= 0)
            {
                error = "missing or non-positive 'ts'";
                return false;
            }

            if (!json.TryGetString(FirmwareField, out fw) || fw.Length == 0 || fw.Length > 32)
            {
                error = "missing 'fw' (1 to 32 characters)";
                return false;
            }

            header = new MessageHeader(seq, ts, fw);
            error = null!;
            return true;
        }
    }
}
