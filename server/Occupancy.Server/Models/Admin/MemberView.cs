namespace Occupancy.Server.Models.Admin;

public sealed record MemberView(Guid Id, string Name, string? Email, string HomeSpaceId, bool HasAccount, DateTimeOffset CreatedAt);
