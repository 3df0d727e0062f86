using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// A door reader ignored a command, on <c>.../door/{id}/evt/command-rejected</c>:
    /// <c>{"reason":"bad-signature","nonce":"…","seq":..,"ts":..,"fw":".."}</c>. <c>nonce</c> is
    /// present when the command carried a well-formed one. Reports are rate-limited; the
    /// heartbeat's <c>rejected</c> counts every rejection.
    /// </summary>
    public sealed class CommandRejectedMessage
    {
        public const string ReasonField = "reason";
        public const string NonceField = "nonce";

        public CommandRejectedMessage(string reason, string nonce, MessageHeader header)
        {
            Reason = reason;
            Nonce = nonce ?? string.Empty;
            Header = header;
        }

        /// <summary>A <see cref="RejectionReasons"/> code.</summary>
        public string Reason { get; }

        public string Nonce { get; }

        public MessageHeader Header { get; }

        public string Encode()
        {
            var writer = new JsonObjectWriter().Add(ReasonField, Reason);
            if (Nonces.IsValid(Nonce))
            {
                writer.Add(NonceField, Nonce);
            }

            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out CommandRejectedMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            string reason;
            if (!json.TryGetString(ReasonField, out reason) || reason.Length == 0 || reason.Length > 32)
            {
                error = "'reason' must be 1 to 32 characters";
                return false;
            }

            string nonce;
            if (!json.TryGetString(NonceField, out nonce))
            {
                nonce = string.Empty;
            }
            else if (!Nonces.IsValid(nonce))
            {
                error = "'nonce' must be 32 lower-case hex digits";
                return false;
            }

            MessageHeader header;
            if (!MessageHeader.TryRead(json, out header, out error))
            {
                return false;
            }

            message = new CommandRejectedMessage(reason, nonce, header);
            return true;
        }
    }
}
