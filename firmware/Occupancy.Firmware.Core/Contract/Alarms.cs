namespace Occupancy.Firmware.Contract
{
    /// <summary>Door alarms in <c>evt/alarm</c>.</summary>
    public static class Alarms
    {
        /// <summary>The door opened while it was locked and no grant or exit had released it.</summary>
        public const string Forced = "forced";

        /// <summary>The door stayed open longer than the configured <c>heldOpenMs</c>.</summary>
        public const string HeldOpen = "held-open";

        public static bool IsKnown(string alarm) => alarm == Forced || alarm == HeldOpen;
    }
}
