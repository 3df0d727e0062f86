using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// What a door reader did, on <c>.../door/{id}/evt/access-result</c>:
    /// <c>{"nonce":"…","result":"granted","unlocked":true,"seq":..,"ts":..,"fw":".."}</c>.
    /// An exit-button release has no nonce: <c>{"result":"exit","unlocked":true,…}</c>.
    /// </summary>
    public sealed class AccessResultMessage
    {
        public const string NonceField = "nonce";
        public const string ResultField = "result";
        public const string UnlockedField = "unlocked";

        public AccessResultMessage(string nonce, string result, bool unlocked, MessageHeader header)
        {
            Nonce = nonce ?? string.Empty;
            Result = result;
            Unlocked = unlocked;
            Header = header;
        }

        /// <summary>The request's nonce; empty for <see cref="AccessResults.Exit"/>.</summary>
        public string Nonce { get; }

        public string Result { get; }

        /// <summary>Whether the lock was released.</summary>
        public bool Unlocked { get; }

        public MessageHeader Header { get; }

        public string Encode()
        {
            var writer = new JsonObjectWriter();
            if (Nonce.Length > 0)
            {
                writer.Add(NonceField, Nonce);
            }

            writer.Add(ResultField, Result).Add(UnlockedField, Unlocked);
            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out AccessResultMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            string result;
            if (!json.TryGetString(ResultField, out result) || !AccessResults.IsKnown(result))
            {
                error = "'result' must be \"granted\", \"denied\", \"timeout\" or \"exit\"";
                return false;
            }

            string nonce;
            bool hasNonce = json.TryGetString(NonceField, out nonce);
            if (result == AccessResults.Exit ? json.Has(NonceField) : !hasNonce || !Nonces.IsValid(nonce))
            {
                error = result == AccessResults.Exit ? "an exit has no 'nonce'" : "'nonce' must be 32 lower-case hex digits";
                return false;
            }

            bool unlocked;
            if (!json.TryGetBool(UnlockedField, out unlocked))
            {
                error = "'unlocked' must be true or false";
                return false;
            }

            MessageHeader header;
            if (!MessageHeader.TryRead(json, out header, out error))
            {
                return false;
            }

            message = new AccessResultMessage(hasNonce ? nonce : string.Empty, result, unlocked, header);
            return true;
        }
    }
}
