using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// A door alarm raised or cleared, on <c>.../door/{id}/evt/alarm</c>:
    /// <c>{"alarm":"held-open","active":true,"openMs":30000,"seq":..,"ts":..,"fw":".."}</c>.
    /// Both alarms clear (<c>active</c> false) when the door closes; <c>openMs</c> is how long the
    /// door had been open at that moment.
    /// </summary>
    public sealed class AlarmMessage
    {
        public const string AlarmField = "alarm";
        public const string ActiveField = "active";
        public const string OpenMsField = "openMs";

        public AlarmMessage(string alarm, bool active, long openMs, MessageHeader header)
        {
            Alarm = alarm;
            Active = active;
            OpenMs = openMs;
            Header = header;
        }

        /// <summary><see cref="Alarms.Forced"/> or <see cref="Alarms.HeldOpen"/>.</summary>
        public string Alarm { get; }

        public bool Active { get; }

        public long OpenMs { get; }

        public MessageHeader Header { get; }

        public string Encode()
        {
            var writer = new JsonObjectWriter().Add(AlarmField, Alarm).Add(ActiveField, Active).Add(OpenMsField, OpenMs);
            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out AlarmMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            string alarm;
            bool active;
            long openMs;
            if (!json.TryGetString(AlarmField, out alarm) || !Alarms.IsKnown(alarm))
            {
                error = "'alarm' must be \"forced\" or \"held-open\"";
                return false;
            }

            if (!json.TryGetBool(ActiveField, out active))
            {
                error = "'active' must be true or false";
                return false;
            }

            if (!json.TryGetLong(OpenMsField, out openMs) || openMs < 0)
            {
                error = "'openMs' must be a non-negative integer";
                return false;
            }

            MessageHeader header;
            if (!MessageHeader.TryRead(json, out header, out error))
            {
                return false;
            }

            message = new AlarmMessage(alarm, active, openMs, header);
            return true;
        }
    }
}
