namespace Occupancy.Firmware.Json
{
    /// <summary>
    /// Writes one flat JSON object. The device has no StringBuilder or JSON library in its
    /// core library, and payloads are a handful of fields, so plain concatenation is enough.
    /// </summary>
    public sealed class JsonObjectWriter
    {
        private string _json = "{";
        private bool _first = true;

        public JsonObjectWriter Add(string name, string value)
        {
            return AddRaw(name, Quote(value));
        }

        public JsonObjectWriter Add(string name, long value)
        {
            // On .NET, long.ToString() writes the current culture's minus sign, which is U+2212
            // in some (sv-SE, fi-FI): JSON needs an ASCII '-'. Digits are ASCII in every culture.
            if (value >= 0)
            {
                return AddRaw(name, value.ToString());
            }

            ulong magnitude = (ulong)(-(value + 1)) + 1;
            return AddRaw(name, "-" + magnitude.ToString());
        }

        public JsonObjectWriter Add(string name, bool value)
        {
            return AddRaw(name, value ? "true" : "false");
        }

        public override string ToString() => _json + "}";

        private JsonObjectWriter AddRaw(string name, string rawValue)
        {
            if (!_first)
            {
                _json += ",";
            }

            _first = false;
            _json += Quote(name) + ":" + rawValue;
            return this;
        }

        private static string Quote(string value)
        {
            string result = "\"";
            int runStart = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string escape = EscapeFor(c);
                if (escape != null)
                {
                    result += value.Substring(runStart, i - runStart) + escape;
                    runStart = i + 1;
                }
            }

            return result + value.Substring(runStart) + "\"";
        }

        private static string EscapeFor(char c)
        {
            switch (c)
            {
                case '"': return "\\\"";
                case '\\': return "\\\\";
                case '\n': return "\\n";
                case '\r': return "\\r";
                case '\t': return "\\t";
            }

            if (c < ' ')
            {
                return "\\u" + ((int)c).ToString("X4");
            }

            return null!;
        }
    }
}
