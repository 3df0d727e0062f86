namespace Occupancy.Server.Tests.Authorization;

/// <summary>What a role must get from an endpoint.</summary>
public enum Outcome
{
    /// <summary>A 2xx answer.</summary>
    Allowed,

    /// <summary>401: not signed in.</summary>
    Unauthenticated,

    /// <summary>403: signed in, but not allowed.</summary>
    Forbidden,

    /// <summary>404: the resource is hidden from this role.</summary>
    Hidden,
}
