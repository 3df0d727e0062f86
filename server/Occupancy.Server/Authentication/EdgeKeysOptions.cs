namespace Occupancy.Server.Authentication;

/// <summary>
/// Configuration section "EdgeKeys": site id → the key its edge presents (e.g. --EdgeKeys:hq=... or
/// EdgeKeys__hq=...). Keys are secrets: pass them through the environment or a secrets file, never appsettings.
/// </summary>
public sealed class EdgeKeysOptions
{
    public const string SectionName = "EdgeKeys";

    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);
}
