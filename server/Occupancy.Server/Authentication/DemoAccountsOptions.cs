using System.ComponentModel.DataAnnotations;

namespace Occupancy.Server.Authentication;

/// <summary>
/// Configuration section "DemoAccounts": a host of <see cref="SpaceId"/> and a member there (with an all-week pass
/// and a phone credential), created on start when their emails are not taken, so a demo can be tried in every role.
/// Set by `./occupancy demo` through the environment; unset (the default), nothing is created.
/// </summary>
public sealed class DemoAccountsOptions : IValidatableObject
{
    public const string SectionName = "DemoAccounts";

    public string SpaceId { get; set; } = "hq";

    [EmailAddress]
    public string? HostEmail { get; set; }

    public string? HostPassword { get; set; }

    [EmailAddress]
    public string? MemberEmail { get; set; }

    public string? MemberPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(HostEmail) != string.IsNullOrEmpty(HostPassword))
        {
            yield return new ValidationResult("DemoAccounts:HostEmail and DemoAccounts:HostPassword go together.", [nameof(HostEmail), nameof(HostPassword)]);
        }

        if (string.IsNullOrWhiteSpace(MemberEmail) != string.IsNullOrEmpty(MemberPassword))
        {
            yield return new ValidationResult("DemoAccounts:MemberEmail and DemoAccounts:MemberPassword go together.", [nameof(MemberEmail), nameof(MemberPassword)]);
        }
    }
}
