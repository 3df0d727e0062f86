using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// A tap at a door reader, on <c>.../door/{id}/evt/access-request</c>:
    /// <c>{"nonce":"9f…(32 hex)","credType":"card","cred":"04a1b2c3d4e5f6","seq":..,"ts":..,"fw":".."}</c>.
    /// The edge answers on <c>cmd/unlock</c> with a command bound to the nonce.
    /// </summary>
    public sealed class AccessRequestMessage
    {
        public const string NonceField = "nonce";
        public const string CredentialTypeField = "credType";
        public const string CredentialField = "cred";

        public AccessRequestMessage(string nonce, Credential credential, MessageHeader header)
        {
            Nonce = nonce;
            Credential = credential;
            Header = header;
        }

        public string Nonce { get; }

        public Credential Credential { get; }

        public MessageHeader Header { get; }

        public string Encode()
        {
            var writer = new JsonObjectWriter()
                .Add(NonceField, Nonce)
                .Add(CredentialTypeField, Credential.Type)
                .Add(CredentialField, Credential.Value);
            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out AccessRequestMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            string nonce;
            string type;
            string value;
            if (!json.TryGetString(NonceField, out nonce) || !Nonces.IsValid(nonce))
            {
                error = "'nonce' must be 32 lower-case hex digits";
                return false;
            }

            if (!json.TryGetString(CredentialTypeField, out type) || !json.TryGetString(CredentialField, out value) || !Credential.IsValid(type, value))
            {
                error = "'credType' must be \"card\" (with 'cred' 8-20 lower-case hex digits) or \"code\" (with 'cred' 1-64 printable ASCII characters)";
                return false;
            }

            MessageHeader header;
            if (!MessageHeader.TryRead(json, out header, out error))
            {
                return false;
            }

            message = new AccessRequestMessage(nonce, new Credential(type, value), header);
            return true;
        }
    }
}
