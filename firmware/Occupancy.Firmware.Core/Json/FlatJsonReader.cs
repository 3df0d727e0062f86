using System.Collections;

namespace Occupancy.Firmware.Json
{
    /// <summary>Reads one flat JSON object into parallel name/value lists; returns an error or null.</summary>
    internal sealed class FlatJsonReader
    {
        private const int MaxDigits = 18;

        private readonly string _json;
        private readonly ArrayList _names;
        private readonly ArrayList _values;
        private int _pos;

        public FlatJsonReader(string json, ArrayList names, ArrayList values)
        {
            _json = json;
            _names = names;
            _values = values;
        }

        public string Read()
        {
            if (_json == null || _json.Length == 0)
            {
                return "empty payload";
            }

            if (_json.Length > FlatJsonObject.MaxLength)
            {
                return "payload longer than " + FlatJsonObject.MaxLength.ToString() + " characters";
            }

            SkipWhitespace();
            if (!Consume('{'))
            {
                return "expected '{' at " + _pos.ToString();
            }

            SkipWhitespace();
            if (Consume('}'))
            {
                return TrailingError();
            }

            while (true)
            {
                SkipWhitespace();
                string name;
                string error = ReadString(out name);
                if (error != null)
                {
                    return error;
                }

                if (_names.IndexOf(name) >= 0)
                {
                    return "duplicate member '" + name + "'";
                }

                SkipWhitespace();
                if (!Consume(':'))
                {
                    return "expected ':' at " + _pos.ToString();
                }

                SkipWhitespace();
                object value;
                error = ReadValue(out value);
                if (error != null)
                {
                    return error;
                }

                _names.Add(name);
                _values.Add(value);
                SkipWhitespace();
                if (Consume(','))
                {
                    continue;
                }

                if (Consume('}'))
                {
                    return TrailingError();
                }

                return "expected ',' or '}' at " + _pos.ToString();
            }
        }

        private string TrailingError()
        {
            SkipWhitespace();
            return _pos == _json.Length ? null! : "unexpected text after the object at " + _pos.ToString();
        }

        private string ReadValue(out object value)
        {
            value = null!;
            if (_pos >= _json.Length)
            {
                return "unexpected end of payload";
            }

            char c = _json[_pos];
            if (c == '"')
            {
                string s;
                string error = ReadString(out s);
                value = s;
                return error;
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                return ReadNumber(out value);
            }

            if (ConsumeWord("true"))
            {
                value = new JsonBoolean(true);
                return null!;
            }

            if (ConsumeWord("false"))
            {
                value = new JsonBoolean(false);
                return null!;
            }

            if (ConsumeWord("null"))
            {
                value = JsonNull.Instance;
                return null!;
            }

            if (c == '{' || c == '[')
            {
                return "nested objects and arrays are not part of the contract (at " + _pos.ToString() + ")";
            }

            return "unexpected character at " + _pos.ToString();
        }

        private string ReadNumber(out object value)
        {
            value = null!;
            bool negative = Consume('-');
            int start = _pos;
            long number = 0;
            while (_pos < _json.Length && _json[_pos] >= '0' && _json[_pos] <= '9')
            {
                if (_pos - start >= MaxDigits)
                {
                    return "number too large at " + start.ToString();
                }

                number = (number * 10) + (_json[_pos] - '0');
                _pos++;
            }

            if (_pos == start)
            {
                return "expected a digit at " + _pos.ToString();
            }

            if (_pos - start > 1 && _json[start] == '0')
            {
                return "leading zero at " + start.ToString();
            }

            if (_pos < _json.Length && (_json[_pos] == '.' || _json[_pos] == 'e' || _json[_pos] == 'E'))
            {
                return "only integers are part of the contract (at " + start.ToString() + ")";
            }

            value = new JsonNumber(negative ? -number : number);
            return null!;
        }

        private string ReadString(out string value)
        {
            value = null!;
            if (!Consume('"'))
            {
                return "expected '\"' at " + _pos.ToString();
            }

            string result = string.Empty;
            int runStart = _pos;
            while (_pos < _json.Length)
            {
                char c = _json[_pos];
                if (c == '"')
                {
                    value = result + _json.Substring(runStart, _pos - runStart);
                    _pos++;
                    return null!;
                }

                if (c < ' ')
                {
                    return "control character in string at " + _pos.ToString();
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                result += _json.Substring(runStart, _pos - runStart);
                string unescaped;
                string error = ReadEscape(out unescaped);
                if (error != null)
                {
                    return error;
                }

                result += unescaped;
                runStart = _pos;
            }

            return "unterminated string";
        }

        private string ReadEscape(out string unescaped)
        {
            unescaped = null!;
            int at = _pos;
            _pos++; // the backslash
            if (_pos >= _json.Length)
            {
                return "unterminated escape at " + at.ToString();
            }

            char c = _json[_pos++];
            switch (c)
            {
                case '"': unescaped = "\""; return null!;
                case '\\': unescaped = "\\"; return null!;
                case '/': unescaped = "/"; return null!;
                case 'b': unescaped = "\b"; return null!;
                case 'f': unescaped = "\f"; return null!;
                case 'n': unescaped = "\n"; return null!;
                case 'r': unescaped = "\r"; return null!;
                case 't': unescaped = "\t"; return null!;
                case 'u':
                    return ReadUnicodeEscape(at, out unescaped);
                default:
                    return "invalid escape at " + at.ToString();
            }
        }

        private string ReadUnicodeEscape(int at, out string unescaped)
        {
            unescaped = null!;
            if (_pos + 4 > _json.Length)
            {
                return "short \\u escape at " + at.ToString();
            }

            int code = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = HexValue(_json[_pos + i]);
                if (digit < 0)
                {
                    return "invalid \\u escape at " + at.ToString();
                }

                code = (code * 16) + digit;
            }

            _pos += 4;
            unescaped = new string((char)code, 1);
            return null!;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private bool ConsumeWord(string word)
        {
            if (_pos + word.Length > _json.Length || _json.Substring(_pos, word.Length) != word)
            {
                return false;
            }

            _pos += word.Length;
            return true;
        }

        private bool Consume(char c)
        {
            if (_pos < _json.Length && _json[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void SkipWhitespace()
        {
            while (_pos < _json.Length)
            {
                char c = _json[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }
    }
}
