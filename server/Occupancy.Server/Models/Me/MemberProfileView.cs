namespace Occupancy.Server.Models.Me;

/// <summary>The signed-in member as they see themselves: who they are, their home space, their "who's in" choice.</summary>
public sealed record MemberProfileView(Guid Id, string Name, string? Email, string HomeSpaceId, bool ShowInWhosIn, string? Headline, string[] SpaceIds);
