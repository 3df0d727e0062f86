namespace Occupancy.Server.Models.Admin;

/// <summary>
/// Creates or changes a member. A password (with an email) gives them a sign-in account; on change it resets it.
/// </summary>
public sealed record MemberRequest(string? Name, string? Email, string? HomeSpaceId, string? Password = null);
