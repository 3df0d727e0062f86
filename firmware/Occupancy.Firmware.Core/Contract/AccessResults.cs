namespace Occupancy.Firmware.Contract
{
    /// <summary>What a door reader did, in <c>evt/access-result</c>.</summary>
    public static class AccessResults
    {
        /// <summary>A verified grant: the lock was released.</summary>
        public const string Granted = "granted";

        /// <summary>A verified deny: the door stayed locked.</summary>
        public const string Denied = "denied";

        /// <summary>No valid answer in time: locked (fail-secure) or released (fail-safe); see <c>unlocked</c>.</summary>
        public const string Timeout = "timeout";

        /// <summary>The exit button inside was pressed: released without a request.</summary>
        public const string Exit = "exit";

        public static bool IsKnown(string result) => result == Granted || result == Denied || result == Timeout || result == Exit;
    }
}
