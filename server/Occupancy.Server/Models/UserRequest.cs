namespace Occupancy.Server.Models;

/// <summary>Creates or changes an account. Password: required to create, optional to change (then it is reset).</summary>
public sealed record UserRequest(string? Email, string? DisplayName, string? Password, bool Admin = false, string[]? HostOf = null);
