namespace Occupancy.Server.Models;

/// <summary>The signed-in user: roles ("admin", "host", "member") and the spaces they host.</summary>
public sealed record AccountView(string Id, string Email, string DisplayName, string[] Roles, string[] HostOf);
