using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Occupancy.Server.Tests.Authorization;

public sealed partial class MatrixCoverageTests
{
    [Fact]
    public async Task EveryApiEndpoint_HasALineInTheAuthorizationMatrix()
    {
        await using var server = new OccupancyServerFactory();
        _ = server.CreateClient();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        // A line may carry a query string (utilisation ranges); routes match on the path.
        var lines = EndpointMatrix.Rows.Select(r => (r.Method, Url: Placeholder().Replace(r.Url.Split('?')[0], "x"))).ToList();

        var missing = endpoints
            .Where(e => !lines.Any(l => l.Method == e.Method && RouteRegex(e.Route).IsMatch(l.Url)))
            .Select(e => $"{e.Method} {e.Route}")
            .ToList();

        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} API endpoints found.");
        Assert.True(missing.Count == 0, "Not in EndpointMatrix:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    private static Regex RouteRegex(string route) =>
        new("^" + Parameter().Replace(Regex.Escape(route.TrimEnd('/')).Replace(@"\{", "{"), "[^/]+") + "/?$");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
