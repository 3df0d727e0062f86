using System.ComponentModel.DataAnnotations;

namespace Occupancy.Server.Data;

/// <summary>Configuration section "Server".</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>Where the server keeps its files (the SQLite database). A relative path starts at the current directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = Path.Combine(".data", "server");
}
