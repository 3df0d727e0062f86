namespace Occupancy.Server.Authentication;

/// <summary>Names of the site-key authentication that edge gateways use.</summary>
public static class SiteKeyDefaults
{
    public const string AuthenticationScheme = "SiteKey";

    /// <summary>The claim carrying the authenticated site id.</summary>
    public const string SiteClaim = "site";

    /// <summary>The authorization policy of the edge hub: authenticated by site key, with a site.</summary>
    public const string EdgePolicy = "Edge";
}
