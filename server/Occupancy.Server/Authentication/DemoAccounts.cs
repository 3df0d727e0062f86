using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Server.Data;

namespace Occupancy.Server.Authentication;

/// <summary>Creates the demo's host and member (see <see cref="DemoAccountsOptions"/>) once, after the admin.</summary>
public sealed partial class DemoAccounts(
    UserManager<OccupancyUser> users,
    OccupancyDbContext db,
    IOptions<DemoAccountsOptions> options,
    TimeProvider clock,
    ILogger<DemoAccounts> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (string.IsNullOrWhiteSpace(demo.HostEmail) && string.IsNullOrWhiteSpace(demo.MemberEmail))
        {
            return;
        }

        if (!await db.Spaces.AnyAsync(s => s.Id == demo.SpaceId, cancellationToken))
        {
            LogNoSpace(demo.SpaceId);
            return;
        }

        if (!string.IsNullOrWhiteSpace(demo.HostEmail))
        {
            var host = await users.FindByEmailAsync(demo.HostEmail);
            if (host is null)
            {
                host = new OccupancyUser { UserName = demo.HostEmail, Email = demo.HostEmail, EmailConfirmed = true, DisplayName = "Demo host" };
                Check(await users.CreateAsync(host, demo.HostPassword!), $"create the demo host '{demo.HostEmail}'");
                LogCreated("host", demo.HostEmail);
            }

            if (!await db.SpaceHosts.AnyAsync(h => h.UserId == host.Id && h.SpaceId == demo.SpaceId, cancellationToken))
            {
                db.SpaceHosts.Add(new SpaceHost { UserId = host.Id, SpaceId = demo.SpaceId });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (!string.IsNullOrWhiteSpace(demo.MemberEmail))
        {
            await EnsureMemberAsync(demo, cancellationToken);
        }
    }

    /// <summary>Each step checks what exists, so a first start stopped half-way is completed by the next one.</summary>
    private async Task EnsureMemberAsync(DemoAccountsOptions demo, CancellationToken cancellationToken)
    {
        var account = await users.FindByEmailAsync(demo.MemberEmail!);
        if (account is null)
        {
            account = new OccupancyUser { UserName = demo.MemberEmail, Email = demo.MemberEmail, EmailConfirmed = true, DisplayName = "Demo member" };
            Check(await users.CreateAsync(account, demo.MemberPassword!), $"create the demo member '{demo.MemberEmail}'");
        }

        if (!await users.IsInRoleAsync(account, Roles.Member))
        {
            Check(await users.AddToRoleAsync(account, Roles.Member), "make the demo member a member");
        }

        if (await db.Members.AnyAsync(m => m.UserId == account.Id, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var member = new Member
        {
            Id = Guid.NewGuid(),
            Name = "Demo member",
            Email = demo.MemberEmail,
            HomeSpaceId = demo.SpaceId,
            UserId = account.Id,
            CreatedAt = now,
            Headline = "Trying Occupancy",
        };
        var version = (await db.Passes.MaxAsync(p => (long?)p.Version, cancellationToken) ?? 0) + 1;
        member.Passes.Add(new Pass { Id = Guid.NewGuid(), Name = "Flex desk", Version = version, Spaces = [new PassSpace { SpaceId = demo.SpaceId }] });
        member.Credentials.Add(new MemberCredential
        {
            Id = Guid.NewGuid(),
            Kind = CredentialKinds.PhoneCode,
            PhoneSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(20)),
            Label = "Phone",
            CreatedAt = now,
        });
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated("member", demo.MemberEmail!);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo {Role} account {Email}")]
    private partial void LogCreated(string role, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No demo accounts: there is no space '{SpaceId}' to host or be a member of")]
    private partial void LogNoSpace(string spaceId);
}
