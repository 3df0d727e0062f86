namespace Occupancy.Server.Tests.Authorization;

/// <summary>
/// One line of the matrix: a request (URL and JSON body with {placeholders}: ids from AccessWorld, {n} a fresh
/// number, {fresh} what <see cref="Setup"/> made for this request) and the outcome for each role, written as five
/// letters in the order anonymous, member, host of A, host of B, admin: A allowed, U 401, F 403, H 404.
/// </summary>
public sealed record EndpointRow(string Method, string Url, string Expected, string? Body = null, Func<AccessWorld, Task<string>>? Setup = null)
{
    public Outcome ExpectedFor(Role role) => Expected[(int)role] switch
    {
        'A' => Outcome.Allowed,
        'U' => Outcome.Unauthenticated,
        'F' => Outcome.Forbidden,
        'H' => Outcome.Hidden,
        var letter => throw new InvalidOperationException($"'{letter}' in '{Expected}' is not an outcome."),
    };

    public override string ToString() => $"{Method} {Url}";
}
