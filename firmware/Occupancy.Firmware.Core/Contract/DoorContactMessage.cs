using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>A door contact changed, on <c>.../door/{id}/evt/contact</c>: <c>{"contact":"open","seq":1,"ts":...,"fw":"..."}</c>.</summary>
    public sealed class DoorContactMessage
    {
        public const string ContactField = "contact";
        public const string Open = "open";
        public const string Closed = "closed";

        public DoorContactMessage(bool isOpen, MessageHeader header)
        {
            IsOpen = isOpen;
            Header = header;
        }

        public bool IsOpen { get; }

        public MessageHeader Header { get; }

        public string Encode()
        {
            var writer = new JsonObjectWriter().Add(ContactField, IsOpen ? Open : Closed);
            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out DoorContactMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            string contact;
            if (!json.TryGetString(ContactField, out contact) || (contact != Open && contact != Closed))
            {
                error = "'contact' must be \"open\" or \"closed\"";
                return false;
            }

            MessageHeader header;
            if (!MessageHeader.TryRead(json, out header, out error))
            {
                return false;
            }

            message = new DoorContactMessage(contact == Open, header);
            return true;
        }
    }
}
