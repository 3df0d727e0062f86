namespace Occupancy.Server.Data;

/// <summary>
/// A member of the coworking network: holds passes and credentials, and may have a sign-in account.
/// Managed by admins and by the hosts of the member's home space.
/// </summary>
public sealed class Member
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The space that signed the member up; its hosts manage the member.</summary>
    public required string HomeSpaceId { get; set; }

    /// <summary>The member's dashboard account, if they have one.</summary>
    public string? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Shown to other members of a space on a day they are in there ("who's in"); off until the member turns it on.</summary>
    public bool ShowInWhosIn { get; set; }

    /// <summary>A line about what the member does, shown with their name in "who's in".</summary>
    public string? Headline { get; set; }

    /// <summary>When an admin erased the member: personal data gone, the id left for pseudonymous history.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public List<Pass> Passes { get; set; } = [];

    public List<MemberCredential> Credentials { get; set; } = [];

    public List<CheckIn> CheckIns { get; set; } = [];
}
