namespace Occupancy.Server.Data;

/// <summary>
/// How a door decides (the replica's DoorAccess.Mode): normally, by pass; locked down, admins only; or open to anyone
/// during the space's opening hours (staffed hours) and by pass outside them.
/// </summary>
public static class DoorModes
{
    public const string Normal = "normal";
    public const string Lockdown = "lockdown";
    public const string Free = "free";

    public static bool IsValid(string? mode) => mode is Normal or Lockdown or Free;
}
