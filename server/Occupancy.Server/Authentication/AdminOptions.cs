using System.ComponentModel.DataAnnotations;

namespace Occupancy.Server.Authentication;

/// <summary>
/// Configuration section "Admin": the first admin account, created on start when no user has this email
/// (an existing one keeps its password and is made admin). Pass both through the environment
/// (Admin__Email, Admin__Password), never appsettings. Without them, no admin is created.
/// </summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string SectionName = "Admin";

    [EmailAddress]
    public string? Email { get; set; }

    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Email) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Admin:Email and Admin:Password go together: set both or neither.", [nameof(Email), nameof(Password)]);
        }
    }
}
