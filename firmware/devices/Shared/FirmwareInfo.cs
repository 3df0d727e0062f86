namespace Occupancy.Devices
{
    /// <summary>What the devices put in the <c>fw</c> field: change it with every release you flash.</summary>
    public static class FirmwareInfo
    {
        public const string Version = "1.0.0";
    }
}
