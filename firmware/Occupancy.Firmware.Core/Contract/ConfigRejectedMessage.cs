using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// A device refused a configuration, on <c>.../evt/config-rejected</c>:
    /// <c>{"rev":4,"field":"freeAfterMs","reason":"out-of-range","detail":"...","seq":..,"ts":..,"fw":".."}</c>.
    /// The device keeps running the configuration it had.
    /// </summary>
    public sealed class ConfigRejectedMessage
    {
        public const string FieldField = "field";
        public const string ReasonField = "reason";
        public const string DetailField = "detail";

        private const int MaxDetailLength = 120;

        public ConfigRejectedMessage(ConfigRejection rejection, MessageHeader header)
        {
            Rejection = rejection;
            Header = header;
        }

        public ConfigRejection Rejection { get; }

        public MessageHeader Header { get; }

        public string Encode()
        {
            var writer = new JsonObjectWriter().Add(ConfigFields.Rev, Rejection.Rev);
            if (Rejection.Field.Length > 0)
            {
                writer.Add(FieldField, Rejection.Field);
            }

            writer.Add(ReasonField, Rejection.Reason);
            if (Rejection.Detail.Length > 0)
            {
                string detail = Rejection.Detail;
                writer.Add(DetailField, detail.Length > MaxDetailLength ? detail.Substring(0, MaxDetailLength) : detail);
            }

            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out ConfigRejectedMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            var fields = new FieldReader(json);
            long rev = fields.Required(ConfigFields.Rev, 0, ConfigFields.MaxRev);
            string reason;
            if (fields.Failed || !json.TryGetString(ReasonField, out reason) || reason.Length == 0)
            {
                error = fields.Failed ? fields.Error : "missing 'reason'";
                return false;
            }

            string field;
            string detail;
            if (!json.TryGetString(FieldField, out field))
            {
                field = string.Empty;
            }

            if (!json.TryGetString(DetailField, out detail))
            {
                detail = string.Empty;
            }

            MessageHeader header;
            if (!MessageHeader.TryRead(json, out header, out error))
            {
                return false;
            }

            message = new ConfigRejectedMessage(new ConfigRejection(rev, field, reason, detail), header);
            return true;
        }
    }
}
