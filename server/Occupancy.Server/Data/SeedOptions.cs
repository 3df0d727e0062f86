namespace Occupancy.Server.Data;

/// <summary>Configuration section "Seed": what to load into an empty database on start.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>A network file (format of scripts/demo/network.json), loaded only when the database has no spaces.</summary>
    public string? NetworkFile { get; set; }
}
