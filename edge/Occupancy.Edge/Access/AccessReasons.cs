namespace Occupancy.Edge.Access;

/// <summary>Why a door opened or stayed shut; the names go into the audit log and to hosts.</summary>
public static class AccessReasons
{
    public const string Granted = "granted";
    public const string FreeAccess = "free-access";

    public const string UnknownDoor = "unknown-door";
    public const string UnknownCredential = "unknown-credential";
    public const string ReplayedCode = "replayed-code";
    public const string NoPass = "no-pass";
    public const string Revoked = "revoked";
    public const string Suspended = "suspended";
    public const string NotYetValid = "not-yet-valid";
    public const string Expired = "expired";
    public const string WrongDoor = "wrong-door";
    public const string OutsideHours = "outside-hours";
    public const string Lockdown = "lockdown";

    /// <summary>An in/out pair's door the member already passed the same way, without passing the other since.</summary>
    public const string AntiPassback = "anti-passback";
}
