namespace Occupancy.Firmware.Contract
{
    /// <summary>The occupancy a desk sensor reports. The edge adds "unknown" for silent sensors.</summary>
    public static class DeskStates
    {
        public const string Occupied = "occupied";
        public const string Free = "free";
        public const string Unknown = "unknown";

        public static bool IsReportable(string state) => state == Occupied || state == Free;
    }
}
