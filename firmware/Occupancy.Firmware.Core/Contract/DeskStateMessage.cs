using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>A desk's reported occupancy, on <c>.../desk/{id}/state</c>: <c>{"state":"occupied","seq":1,"ts":...,"fw":"..."}</c>.</summary>
    public sealed class DeskStateMessage
    {
        public const string StateField = "state";

        public DeskStateMessage(string state, MessageHeader header)
        {
            State = state;
            Header = header;
        }

        public string State { get; }

        public MessageHeader Header { get; }

        public bool IsOccupied => State == DeskStates.Occupied;

        public string Encode()
        {
            var writer = new JsonObjectWriter().Add(StateField, State);
            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out DeskStateMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            string state;
            if (!json.TryGetString(StateField, out state) || !DeskStates.IsReportable(state))
            {
                error = "'state' must be \"occupied\" or \"free\"";
                return false;
            }

            MessageHeader header;
            if (!MessageHeader.TryRead(json, out header, out error))
            {
                return false;
            }

            message = new DeskStateMessage(state, header);
            return true;
        }
    }
}
