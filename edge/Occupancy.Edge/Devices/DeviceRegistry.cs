using System.Text.Json;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Uplink;

namespace Occupancy.Edge.Devices;

/// <summary>
/// The devices allowed to log in to this edge's broker, with their hashed secrets, from two
/// sources: those provisioned on the edge (<c>device-credentials.json</c> in the data folder; the
/// provisioning command edits the file while the edge runs, and the registry reloads it at the
/// next login), and those provisioned on the server, which arrive with the site configuration
/// (and are cached with it, so they survive a restart without the server). A device may log in
/// with the secret of either; one removed on the server loses that login with the next
/// configuration, without a restart.
/// </summary>
public sealed class DeviceRegistry
{
    public const string FileName = "device-credentials.json";

    private readonly string _path;
    private readonly SiteDirectory? _site;
    private readonly Lock _gate = new();
    private Dictionary<string, DeviceCredential> _credentials = new(StringComparer.Ordinal);
    private DateTime _loadedWriteTime;

    public DeviceRegistry(IOptions<EdgeOptions> options, SiteDirectory site)
        : this(options.Value.DataDirectory, site)
    {
    }

    public DeviceRegistry(string dataDirectory, SiteDirectory? site = null)
    {
        _path = Path.Combine(dataDirectory, FileName);
        _site = site;
        Reload();
    }

    public IReadOnlyList<string> DeviceIds()
    {
        lock (_gate)
        {
            ReloadIfChanged();
            return [.. _credentials.Keys.Order(StringComparer.Ordinal)];
        }
    }

    public bool Verify(string deviceId, string? secret)
    {
        DeviceCredential? credential;
        lock (_gate)
        {
            ReloadIfChanged();
            _credentials.TryGetValue(deviceId, out credential);
        }

        if (credential is not null && DeviceSecretHashing.Matches(credential.Salt, credential.Hash, secret))
        {
            return true;
        }

        return _site is not null && _site.TryGetProvisioned(deviceId, out var provisioned) && DeviceSecretHashing.Matches(provisioned.Salt, provisioned.Hash, secret);
    }

    /// <summary>Whether the device has a login from either source (not which secret): false once both withdrew it.</summary>
    public bool HasLogin(string deviceId)
    {
        lock (_gate)
        {
            ReloadIfChanged();
            if (_credentials.ContainsKey(deviceId))
            {
                return true;
            }
        }

        return _site is not null && _site.TryGetProvisioned(deviceId, out _);
    }

    /// <summary>Stores a new secret for the device (replacing any earlier one) and returns it; it is not kept in clear.</summary>
    public string Provision(string deviceId, string? secret = null)
    {
        secret ??= DeviceSecretHashing.Generate();
        lock (_gate)
        {
            ReloadIfChanged();
            var (salt, hash) = DeviceSecretHashing.Hash(secret);
            _credentials[deviceId] = new DeviceCredential(deviceId, salt, hash);
            Save();
        }

        return secret;
    }

    public bool Revoke(string deviceId)
    {
        lock (_gate)
        {
            ReloadIfChanged();
            bool removed = _credentials.Remove(deviceId);
            if (removed)
            {
                Save();
            }

            return removed;
        }
    }

    private void ReloadIfChanged()
    {
        if (File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) != _loadedWriteTime : _credentials.Count > 0)
        {
            Reload();
        }
    }

    private void Reload()
    {
        if (!File.Exists(_path))
        {
            _credentials = new(StringComparer.Ordinal);
            _loadedWriteTime = default;
            return;
        }

        _loadedWriteTime = File.GetLastWriteTimeUtc(_path);
        var list = JsonSerializer.Deserialize<DeviceCredential[]>(File.ReadAllText(_path)) ?? [];
        _credentials = list.ToDictionary(c => c.DeviceId, StringComparer.Ordinal);
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        string temporary = _path + ".tmp";
        var ordered = _credentials.Values.OrderBy(c => c.DeviceId, StringComparer.Ordinal).ToArray();
        File.WriteAllText(temporary, JsonSerializer.Serialize(ordered, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, _path, overwrite: true);
        _loadedWriteTime = File.GetLastWriteTimeUtc(_path);
    }
}
