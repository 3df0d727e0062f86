using Microsoft.Extensions.Options;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Access;

/// <summary>
/// Answers a door reader's access request: decides from the local replica, signs the command
/// with the door's key and binds it to the request's nonce, so only this answer to this tap can
/// open the door. The command's expiry counts from the reader's own timestamp, so a reader with
/// a skewed clock still accepts a fresh answer and never an old one.
/// </summary>
public sealed class DoorAccessService(
    AccessReplicaStore replicas,
    AccessDecider decider,
    RepeatedDenialWatch denials,
    IOptions<AccessOptions> accessOptions,
    IOptions<EdgeOptions> edgeOptions,
    TimeProvider time,
    AntiPassback? antiPassback = null)
{
    public const string NoReplica = "no-replica";

    private readonly byte[] _doorMasterKey = Convert.FromHexString(accessOptions.Value.DoorMasterKey);
    private readonly byte[] _networkKey = Convert.FromHexString(accessOptions.Value.NetworkKey);
    private readonly string _siteId = edgeOptions.Value.SiteId;

    public DoorAnswer Answer(DoorConfig door, AccessRequestMessage request)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var replica = replicas.Current;
        string credentialType = request.Credential.Type == Credential.Code ? AccessCredential.Phone : AccessCredential.Card;
        var decision = replica is null
            ? AccessDecision.Deny(NoReplica)
            : decider.Decide(replica, _networkKey, door.DoorId, credentialType, request.Credential.Value, now);
        var doorAccess = replica?.Doors.FirstOrDefault(d => d.DoorId == door.DoorId);
        if (antiPassback is not null && doorAccess is not null)
        {
            decision = antiPassback.Apply(doorAccess, decision);
        }

        var signer = new CommandSigner(DoorKeys.Derive(_doorMasterKey, door.DeviceId));
        long expires = request.Header.TimestampMs + UnlockCommand.DefaultLifetimeMs;
        int unlockMs = doorAccess?.UnlockMs ?? 0;
        var command = decision.Granted
            ? signer.Grant(door.DeviceId, request.Nonce, unlockMs, expires)
            : signer.Deny(door.DeviceId, request.Nonce, expires);
        string topic = DeviceTopic.Build(_siteId, DeviceKinds.Door, door.DeviceId, Channels.Unlock);
        return new DoorAnswer(decision, command, topic, denials.Note(door.DoorId, decision.Granted, now));
    }
}
