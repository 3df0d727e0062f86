using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Occupancy.Uplink;

namespace Occupancy.Server.Authentication;

/// <summary>
/// Authenticates an edge gateway by the site key in the <see cref="EdgeHubContract.SiteKeyHeader"/> header.
/// The .NET SignalR client sends headers on negotiate and on the WebSocket, so no query-string key is needed.
/// Success yields a principal with a <see cref="SiteKeyDefaults.SiteClaim"/> claim; a challenge is a plain 401.
/// </summary>
public sealed partial class SiteKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    SiteKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[EdgeHubContract.SiteKeyHeader];
        if (values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var site = values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? verifier.FindSite(values[0]!) : null;
        if (site is null)
        {
            LogRejected(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Task.FromResult(AuthenticateResult.Fail("The site key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(SiteKeyDefaults.SiteClaim, site)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Scheme.Name;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an edge with an invalid site key from {RemoteAddress}")]
    private static partial void LogRejected(ILogger logger, string remoteAddress);
}
