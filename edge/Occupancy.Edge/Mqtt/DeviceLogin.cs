using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using Occupancy.Edge.Devices;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Mqtt;

/// <summary>
/// Decides whether a device may log in to the embedded broker: it must be a device of this
/// site's configuration, log in under its own id, and (unless turned off) present the secret
/// provisioned for it.
/// </summary>
public sealed partial class DeviceLogin(SiteDirectory site, DeviceRegistry registry, IOptions<MqttOptions> options, ILogger<DeviceLogin> logger)
{
    private readonly bool _requireSecrets = options.Value.RequireDeviceSecrets;

    public MqttConnectReasonCode Check(string clientId, string? userName, string? password)
    {
        // Until the site configuration has arrived once, no device is known: ask devices to come
        // back later rather than refusing them for good.
        if (!site.IsLoaded)
        {
            return MqttConnectReasonCode.ServerUnavailable;
        }

        bool known = site.TryGetDesk(clientId, out _) || site.TryGetDoor(clientId, out _);
        if (!known || userName != clientId)
        {
            LogRefused(logger, clientId, "not a device of this site, or a user name other than its id");
            return MqttConnectReasonCode.NotAuthorized;
        }

        if (_requireSecrets && !registry.Verify(clientId, password))
        {
            LogRefused(logger, clientId, "wrong or unprovisioned secret");
            return MqttConnectReasonCode.BadUserNameOrPassword;
        }

        return MqttConnectReasonCode.Success;
    }

    /// <summary>
    /// For a device already connected: false once it is no longer a device of the site, or (with
    /// secrets required) no source provides a login for it any more. A new secret issued for it is
    /// not noticed here; its next login needs the new one.
    /// </summary>
    public bool StillAllowed(string clientId) =>
        (site.TryGetDesk(clientId, out _) || site.TryGetDoor(clientId, out _)) && (!_requireSecrets || registry.HasLogin(clientId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the login of {ClientId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string clientId, string reason);
}
