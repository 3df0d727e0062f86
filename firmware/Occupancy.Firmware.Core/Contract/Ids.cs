namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// Ids of sites and devices: 1 to 32 characters of lower-case letters, digits and '-',
    /// so that they are safe in topics, InfluxDB tags and URLs without escaping.
    /// </summary>
    public static class Ids
    {
        public const int MaxLength = 32;

        public static bool IsValid(string id)
        {
            if (id == null || id.Length == 0 || id.Length > MaxLength)
            {
                return false;
            }

            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
