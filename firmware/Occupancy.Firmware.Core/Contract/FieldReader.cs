using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// Reads checked integer and boolean fields of a parsed payload and keeps the first problem:
    /// which field, a reason code from <see cref="RejectionReasons"/> and a sentence for people.
    /// </summary>
    internal sealed class FieldReader
    {
        private readonly FlatJsonObject _json;

        public FieldReader(FlatJsonObject json)
        {
            _json = json;
        }

        public bool Failed => Reason != null;

        /// <summary>The first field that failed, or null.</summary>
        public string Field { get; private set; } = null!;

        /// <summary>A <see cref="RejectionReasons"/> code, or null.</summary>
        public string Reason { get; private set; } = null!;

        /// <summary>What was wrong, for people, or null.</summary>
        public string Error { get; private set; } = null!;

        public long Required(string name, long min, long max)
        {
            if (!_json.Has(name))
            {
                Fail(name, RejectionReasons.Missing, "missing '" + name + "'");
                return min;
            }

            return Optional(name, min, max, min);
        }

        public long Optional(string name, long min, long max, long fallback)
        {
            if (!_json.Has(name))
            {
                return fallback;
            }

            long value;
            if (!_json.TryGetLong(name, out value))
            {
                Fail(name, RejectionReasons.WrongType, "'" + name + "' must be an integer");
                return fallback;
            }

            if (value < min || value > max)
            {
                Fail(name, RejectionReasons.OutOfRange, "'" + name + "' must be from " + Number(min) + " to " + Number(max));
                return fallback;
            }

            return value;
        }

        public bool OptionalBool(string name, bool fallback)
        {
            if (!_json.Has(name))
            {
                return fallback;
            }

            bool value;
            if (!_json.TryGetBool(name, out value))
            {
                Fail(name, RejectionReasons.WrongType, "'" + name + "' must be true or false");
                return fallback;
            }

            return value;
        }

        /// <summary>Records a problem found by the caller (e.g. two fields that do not fit together).</summary>
        public void Fail(string field, string reason, string error)
        {
            if (Reason != null)
            {
                return;
            }

            Field = field;
            Reason = reason;
            Error = error;
        }

        private static string Number(long value)
        {
            // long.ToString() may write U+2212 for a minus in some desktop cultures.
            return value < 0 ? "-" + ((ulong)(-(value + 1)) + 1).ToString() : value.ToString();
        }
    }
}
