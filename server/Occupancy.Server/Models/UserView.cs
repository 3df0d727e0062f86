namespace Occupancy.Server.Models;

/// <summary>An account as admins manage it.</summary>
public sealed record UserView(string Id, string Email, string DisplayName, bool Admin, bool Member, string[] HostOf);
