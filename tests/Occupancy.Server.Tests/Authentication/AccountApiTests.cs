using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Occupancy.Server.Models;

namespace Occupancy.Server.Tests.Authentication;

public sealed class AccountApiTests
{
    [Fact]
    public async Task SignIn_AsTheConfiguredAdmin_SetsAnHttpOnlyCookieAndReportsTheAdminRole()
    {
        await using var server = new OccupancyServerFactory();

        using var response = await server.CreateClient().PostAsJsonAsync(
            "/api/account/sign-in", new SignInRequest(OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("occupancy.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var account = await response.Content.ReadFromJsonAsync<AccountView>();
        Assert.Equal(OccupancyServerFactory.AdminEmail, account!.Email);
        Assert.Equal(["admin"], account.Roles);
    }

    [Fact]
    public async Task Me_WithTheCookie_DescribesAHostAndTheSpacesTheyHost()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);
        var host = await Session.NewUserAsync(server, admin, "hanna", hostOf: ["hq"]);

        var me = await host.Client.GetFromJsonAsync<AccountView>("/api/account");

        Assert.Equal(("hanna@occupancy.test", "hanna"), (me!.Email, me.DisplayName));
        Assert.Equal(["host"], me.Roles);
        Assert.Equal(["hq"], me.HostOf);
    }

    [Fact]
    public async Task Me_Anonymous_Is401WithoutARedirect()
    {
        await using var server = new OccupancyServerFactory();

        using var response = await server.CreateClient().GetAsync("/api/account");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Is401ProblemWithoutACookie()
    {
        await using var server = new OccupancyServerFactory();

        using var response = await server.CreateClient().PostAsJsonAsync(
            "/api/account/sign-in", new SignInRequest(OccupancyServerFactory.AdminEmail, "not-the-password"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        await using var server = new OccupancyServerFactory();
        var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/account/sign-in", new SignInRequest(OccupancyServerFactory.AdminEmail, $"guess-{i}"));
        }

        using var response = await client.PostAsJsonAsync(
            "/api/account/sign-in", new SignInRequest(OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutEmailOrPassword_IsAValidationProblemNamingBoth()
    {
        await using var server = new OccupancyServerFactory();

        using var response = await server.CreateClient().PostAsJsonAsync("/api/account/sign-in", new SignInRequest(" ", null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Start_WithAnAdminEmailButNoPassword_FailsNamingBothSettings()
    {
        await using var server = new OccupancyServerFactory().WithWebHostBuilder(b => b.UseSetting("Admin:Password", ""));

        var error = Assert.Throws<OptionsValidationException>(() => server.CreateClient());

        Assert.Contains("Admin:Email and Admin:Password go together", error.Message);
    }
}
