namespace Occupancy.Firmware.Contract
{
    /// <summary>The kinds of device that appear in topics. Plain strings: enum names never go on the wire.</summary>
    public static class DeviceKinds
    {
        public const string Desk = "desk";
        public const string Door = "door";

        public static bool IsKnown(string kind) => kind == Desk || kind == Door;
    }
}
