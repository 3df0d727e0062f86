namespace Occupancy.Firmware.Contract
{
    /// <summary>The edge's answer in an unlock command.</summary>
    public static class Decisions
    {
        public const string Grant = "grant";
        public const string Deny = "deny";

        public static bool IsKnown(string decision) => decision == Grant || decision == Deny;
    }
}
