using System.Security.Cryptography;
using System.Text;
using Occupancy.Uplink;

namespace Occupancy.Edge.Access;

/// <summary>
/// Decides at the door from the local replica alone (DESIGN.md D8), so a door opens in
/// milliseconds and keeps every rule, time windows included, while the server is unreachable.
/// </summary>
public sealed class AccessDecider(PhoneCodeReplayGuard replayGuard)
{
    /// <summary>Phone codes from one step before or after now are accepted: phones' clocks drift.</summary>
    private const int SkewSteps = 1;

    public AccessDecision Decide(AccessReplica replica, byte[] networkKey, string doorId, string credentialType, string credential, long nowMs)
    {
        var door = Array.Find(replica.Doors, d => d.DoorId == doorId);
        if (door is null)
        {
            return AccessDecision.Deny(AccessReasons.UnknownDoor);
        }

        var local = WeeklyWindows.LocalTime(replica.TimeZone, nowMs);
        bool lockdown = replica.Lockdown || door.Mode == "lockdown";
        if (!lockdown && door.Mode == "free" && WeeklyWindows.Contains(door.FreeAccess, local))
        {
            return new AccessDecision(true, AccessReasons.FreeAccess, null, null);
        }

        var (known, failure) = Identify(replica, networkKey, doorId, credentialType, credential, nowMs);
        if (known is null)
        {
            return AccessDecision.Deny(failure);
        }

        if (known.Revoked)
        {
            return AccessDecision.Deny(AccessReasons.Revoked, known.Member);
        }

        var passes = replica.Passes.Where(p => p.Member == known.Member).ToArray();
        if (passes.Length == 0)
        {
            return AccessDecision.Deny(AccessReasons.NoPass, known.Member);
        }

        if (lockdown)
        {
            var admin = passes.FirstOrDefault(p => p.IsAdmin && Check(p, doorId, local, nowMs, ignoreHours: true) == AccessReasons.Granted);
            return admin is null ? AccessDecision.Deny(AccessReasons.Lockdown, known.Member) : new AccessDecision(true, AccessReasons.Granted, known.Member, admin.PassId);
        }

        // The member may hold several passes: any one that allows this door now opens it;
        // otherwise report the refusal of the pass that came closest.
        string closest = AccessReasons.NoPass;
        foreach (var pass in passes)
        {
            string outcome = Check(pass, doorId, local, nowMs, ignoreHours: false);
            if (outcome == AccessReasons.Granted)
            {
                return new AccessDecision(true, AccessReasons.Granted, known.Member, pass.PassId);
            }

            if (Rank(outcome) > Rank(closest))
            {
                closest = outcome;
            }
        }

        return AccessDecision.Deny(closest, known.Member);
    }

    private static string Check(AccessPass pass, string doorId, DateTime local, long nowMs, bool ignoreHours)
    {
        if (pass.Revoked)
        {
            return AccessReasons.Revoked;
        }

        if (pass.Suspended)
        {
            return AccessReasons.Suspended;
        }

        if (nowMs < pass.ValidFromMs)
        {
            return AccessReasons.NotYetValid;
        }

        if (nowMs >= pass.ValidToMs)
        {
            return AccessReasons.Expired;
        }

        if (pass.DoorIds.Length > 0 && !pass.DoorIds.Contains(doorId))
        {
            return AccessReasons.WrongDoor;
        }

        return ignoreHours || WeeklyWindows.Contains(pass.Windows, local) ? AccessReasons.Granted : AccessReasons.OutsideHours;
    }

    private static int Rank(string reason) => Array.IndexOf(
        [AccessReasons.NoPass, AccessReasons.Revoked, AccessReasons.Suspended, AccessReasons.NotYetValid, AccessReasons.Expired, AccessReasons.WrongDoor, AccessReasons.OutsideHours],
        reason);

    private (AccessCredential? Credential, string Failure) Identify(AccessReplica replica, byte[] networkKey, string doorId, string type, string presented, long nowMs)
    {
        if (type == AccessCredential.Card)
        {
            string hash = CredentialHashing.CardHash(networkKey, presented);
            var card = Array.Find(replica.Credentials, c => c.Kind == AccessCredential.Card && c.CardHash == hash);
            return (card, AccessReasons.UnknownCredential);
        }

        if (type != AccessCredential.Phone || !PhoneCodes.TrySplit(presented, out string credentialId, out string code))
        {
            return (null, AccessReasons.UnknownCredential);
        }

        var phone = Array.Find(replica.Credentials, c => c.Kind == AccessCredential.Phone && c.CredentialId == credentialId && c.PhoneSecret is not null);
        if (phone is null)
        {
            return (null, AccessReasons.UnknownCredential);
        }

        byte[] secret = Convert.FromBase64String(phone.PhoneSecret!);
        long now = PhoneCodes.StepAt(nowMs);
        for (long step = now - SkewSteps; step <= now + SkewSteps; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PhoneCodes.Code(secret, step)), Encoding.ASCII.GetBytes(code)))
            {
                return replayGuard.TryUse(doorId, credentialId, step, now) ? (phone, "") : (null, AccessReasons.ReplayedCode);
            }
        }

        return (null, AccessReasons.UnknownCredential);
    }
}
