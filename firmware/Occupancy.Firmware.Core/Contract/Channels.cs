namespace Occupancy.Firmware.Contract
{
    /// <summary>The last part of a device topic: what the message is about.</summary>
    public static class Channels
    {
        /// <summary>Retained <c>online</c>/<c>offline</c>: birth message and Last Will.</summary>
        public const string Status = "status";

        /// <summary>A desk's occupancy changed.</summary>
        public const string State = "state";

        /// <summary>A door contact opened or closed.</summary>
        public const string DoorContact = "evt/contact";
    }
}
