using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Options;
using Occupancy.Uplink;

namespace Occupancy.Edge.Occupancy;

/// <summary>
/// The site's layout as the server configured it: which device reports which desk or door.
/// Cached on disk so that an edge restarted without the server still knows its devices.
/// </summary>
public sealed class SiteDirectory
{
    private const string CacheFileName = "site-config.json";

    private readonly string _cachePath;
    private readonly string _siteId;
    private readonly ILogger<SiteDirectory> _logger;
    private volatile Snapshot _current = Snapshot.Empty;

    public SiteDirectory(IOptions<EdgeOptions> options, ILogger<SiteDirectory> logger)
    {
        _siteId = options.Value.SiteId;
        _cachePath = Path.Combine(options.Value.DataDirectory, CacheFileName);
        _logger = logger;
        LoadCache();
    }

    /// <summary>Raised after a new configuration is applied.</summary>
    public event Action<SiteConfig>? Changed;

    public bool IsLoaded => _current.Config is not null;

    public SiteConfig? Config => _current.Config;

    public bool TryGetDesk(string deviceId, out DeskConfig desk) => _current.DesksByDevice.TryGetValue(deviceId, out desk!);

    public bool TryGetDoor(string deviceId, out DoorConfig door) => _current.DoorsByDevice.TryGetValue(deviceId, out door!);

    /// <summary>The login the server provisioned for the device, if it did.</summary>
    public bool TryGetProvisioned(string deviceId, out ProvisionedDevice device) => _current.ProvisionedById.TryGetValue(deviceId, out device!);

    public void Apply(SiteConfig config)
    {
        if (config.SiteId != _siteId)
        {
            throw new InvalidOperationException($"the server sent the configuration of site '{config.SiteId}' to the edge of site '{_siteId}'");
        }

        _current = Snapshot.Of(config);
        SaveCache(config);
        _logger.LogInformation(
            "Site {SiteId} configuration version {Version}: {Desks} desks, {Doors} doors, {Devices} device logins from the server",
            config.SiteId, config.Version, config.Desks.Length, config.Doors.Length, config.Devices?.Length ?? 0);
        Changed?.Invoke(config);
    }

    private void LoadCache()
    {
        if (!File.Exists(_cachePath))
        {
            return;
        }

        try
        {
            var config = JsonSerializer.Deserialize<SiteConfig>(File.ReadAllText(_cachePath));
            if (config is not null && config.SiteId == _siteId)
            {
                _current = Snapshot.Of(config);
                _logger.LogInformation("Loaded cached configuration version {Version} of site {SiteId}", config.Version, config.SiteId);
            }
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignoring an unreadable cached site configuration at {Path}", _cachePath);
        }
    }

    private void SaveCache(SiteConfig config)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cachePath)!);
        string temporary = _cachePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(config));
        File.Move(temporary, _cachePath, overwrite: true); // atomic: a crash never leaves half a file
    }

    private sealed record Snapshot(
        SiteConfig? Config,
        FrozenDictionary<string, DeskConfig> DesksByDevice,
        FrozenDictionary<string, DoorConfig> DoorsByDevice,
        FrozenDictionary<string, ProvisionedDevice> ProvisionedById)
    {
        public static readonly Snapshot Empty = new(
            null, FrozenDictionary<string, DeskConfig>.Empty, FrozenDictionary<string, DoorConfig>.Empty, FrozenDictionary<string, ProvisionedDevice>.Empty);

        public static Snapshot Of(SiteConfig config) => new(
            config,
            config.Desks.ToFrozenDictionary(d => d.DeviceId),
            config.Doors.ToFrozenDictionary(d => d.DeviceId),
            (config.Devices ?? []).ToFrozenDictionary(d => d.DeviceId));
    }
}
