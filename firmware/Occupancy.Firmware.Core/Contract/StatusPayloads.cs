namespace Occupancy.Firmware.Contract
{
    /// <summary>Retained availability on the status channel: the birth message and the Last Will.</summary>
    public static class StatusPayloads
    {
        public const string Online = "online";
        public const string Offline = "offline";
    }
}
