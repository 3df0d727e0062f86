namespace Occupancy.Edge.Outbox;

/// <summary>One file of the outbox, holding the records from <see cref="FirstLsn"/> on.</summary>
internal sealed record Segment(long FirstLsn, string Path)
{
    private const string Prefix = "segment-";
    private const string Extension = ".log";

    public static string FileNameOf(long firstLsn) => $"{Prefix}{firstLsn:D20}{Extension}";

    public static bool TryParse(string path, out Segment segment)
    {
        segment = null!;
        string name = System.IO.Path.GetFileName(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        if (!long.TryParse(name.AsSpan(Prefix.Length, name.Length - Prefix.Length - Extension.Length), out long firstLsn) || firstLsn < 1)
        {
            return false;
        }

        segment = new Segment(firstLsn, path);
        return true;
    }
}
