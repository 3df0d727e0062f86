namespace Occupancy.Firmware.Contract
{
    /// <summary>Why a configuration was refused: its <c>rev</c> (0 if unreadable), the field, a reason code and a sentence.</summary>
    public sealed class ConfigRejection
    {
        public ConfigRejection(long rev, string field, string reason, string detail)
        {
            Rev = rev;
            Field = field ?? string.Empty;
            Reason = reason;
            Detail = detail ?? string.Empty;
        }

        public long Rev { get; }

        /// <summary>The offending field; empty when the payload as a whole is unreadable.</summary>
        public string Field { get; }

        /// <summary>A <see cref="RejectionReasons"/> code.</summary>
        public string Reason { get; }

        public string Detail { get; }

        internal static ConfigRejection From(Json.FlatJsonObject json, FieldReader fields)
        {
            long rev;
            if (json == null || !json.TryGetLong(ConfigFields.Rev, out rev) || rev < 0)
            {
                rev = 0;
            }

            return new ConfigRejection(rev, fields.Field, fields.Reason, fields.Error);
        }

        internal static ConfigRejection Malformed(string error) => new ConfigRejection(0, string.Empty, RejectionReasons.Malformed, error);
    }
}
