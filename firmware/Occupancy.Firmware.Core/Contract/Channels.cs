namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// The last part of a device topic: what the message is about. Device → edge channels are
    /// <c>status</c>, <c>state</c> and <c>evt/…</c>; edge → device channels are <c>config</c>
    /// (retained) and <c>cmd/…</c> (never retained). See docs/protocol.md.
    /// </summary>
    public static class Channels
    {
        /// <summary>Retained <c>online</c>/<c>offline</c>: birth message and Last Will.</summary>
        public const string Status = "status";

        /// <summary>A desk's occupancy changed.</summary>
        public const string State = "state";

        /// <summary>A door contact opened or closed.</summary>
        public const string DoorContact = "evt/contact";

        /// <summary>The heartbeat: uptime, signal, supply, counters.</summary>
        public const string Health = "evt/health";

        /// <summary>A configuration from the <see cref="Config"/> topic was invalid and not applied.</summary>
        public const string ConfigRejected = "evt/config-rejected";

        /// <summary>Someone presented a card or phone code at a door reader.</summary>
        public const string AccessRequest = "evt/access-request";

        /// <summary>What the door reader did about a request (or an exit button press).</summary>
        public const string AccessResult = "evt/access-result";

        /// <summary>A door reader ignored a command that was forged, replayed, expired or not for it.</summary>
        public const string CommandRejected = "evt/command-rejected";

        /// <summary>Door forced or held open, raised and cleared.</summary>
        public const string Alarm = "evt/alarm";

        /// <summary>Edge → device, retained: the device's settings.</summary>
        public const string Config = "config";

        /// <summary>Edge → door reader, never retained: the signed answer to an access request.</summary>
        public const string Unlock = "cmd/unlock";
    }
}
