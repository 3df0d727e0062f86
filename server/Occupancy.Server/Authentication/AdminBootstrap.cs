using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Occupancy.Server.Data;

namespace Occupancy.Server.Authentication;

/// <summary>Creates the stored roles and the first admin (from <see cref="AdminOptions"/>) on start.</summary>
public sealed partial class AdminBootstrap(
    UserManager<OccupancyUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    ILogger<AdminBootstrap> logger)
{
    public async Task EnsureAsync()
    {
        foreach (var role in Roles.Stored)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role '{role}'");
            }
        }

        var (email, password) = (options.Value.Email?.Trim(), options.Value.Password);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            LogNoAdminConfigured();
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new OccupancyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Admin" };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                // The configured admin cannot exist as given: a wrong setting, reported (and exited on) like any other.
                throw new OptionsValidationException(
                    "Admin", typeof(AdminOptions), [$"Admin:Email/Admin:Password: cannot create the admin '{email}': {Describe(created)}"]);
            }

            LogAdminCreated(email);
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            Check(await users.AddToRoleAsync(user, Roles.Admin), $"make '{email}' an admin");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {Describe(result)}");
        }
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin account {Email}")]
    private partial void LogAdminCreated(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Admin:Email/Admin:Password configured: no admin account is created on start")]
    private partial void LogNoAdminConfigured();
}
