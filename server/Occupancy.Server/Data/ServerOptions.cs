using System.ComponentModel.DataAnnotations;

namespace Occupancy.Server.Data;

/// <summary>Configuration section "Server".</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>Where the server keeps its files (the SQLite database). A relative path starts at the current directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = Path.Combine(".data", "server");

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>redis-1:6379,password=…</c>) to run several instances of the
    /// server side by side (docs/deployment.md); empty for a single instance, which needs no Redis.
    /// </summary>
    public string? Redis { get; set; }

    public bool IsScaledOut => !string.IsNullOrWhiteSpace(Redis);
}
