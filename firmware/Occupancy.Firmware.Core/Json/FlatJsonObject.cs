using System.Collections;

namespace Occupancy.Firmware.Json
{
    /// <summary>
    /// A parsed flat JSON object: string, integer, boolean and null members only, no nesting.
    /// That is all the wire contract uses, and it keeps the parser small enough to fuzz and to
    /// run on a device. Anything else is rejected with a reason rather than half-read.
    /// </summary>
    public sealed class FlatJsonObject
    {
        public const int MaxLength = 4096;

        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();

        private FlatJsonObject()
        {
        }

        public int Count => _names.Count;

        /// <summary>Parses <paramref name="json"/>; on failure <paramref name="error"/> says why.</summary>
        public static bool TryParse(string json, out FlatJsonObject result, out string error)
        {
            result = new FlatJsonObject();
            var reader = new FlatJsonReader(json, result._names, result._values);
            error = reader.Read();
            return error == null;
        }

        public bool Has(string name) => _names.IndexOf(name) >= 0;

        public bool TryGetString(string name, out string value)
        {
            value = null!;
            object raw = Find(name);
            if (raw is string s)
            {
                value = s;
                return true;
            }

            return false;
        }

        public bool TryGetLong(string name, out long value)
        {
            value = 0;
            object raw = Find(name);
            if (raw is JsonNumber n)
            {
                value = n.Value;
                return true;
            }

            return false;
        }

        public bool TryGetBool(string name, out bool value)
        {
            value = false;
            object raw = Find(name);
            if (raw is JsonBoolean b)
            {
                value = b.Value;
                return true;
            }

            return false;
        }

        private object Find(string name)
        {
            int index = _names.IndexOf(name);
            return index < 0 ? null! : _values[index]!;
        }
    }
}
