namespace Occupancy.Firmware.Simulator;

/// <summary>Seeds derived from a run's seed and names (string.GetHashCode differs per process, so replays need this).</summary>
internal static class StableHash
{
    public static int Of(int seed, string name, long salt = 0)
    {
        unchecked
        {
            // FNV-1a over the seed, the salt and the name.
            uint hash = 2166136261;
            hash = (hash ^ (uint)seed) * 16777619;
            hash = (hash ^ (uint)salt) * 16777619;
            hash = (hash ^ (uint)(salt >> 32)) * 16777619;
            foreach (char c in name)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)hash;
        }
    }
}
