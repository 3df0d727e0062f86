using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Occupancy.Server.Models;

namespace Occupancy.Server.Tests;

/// <summary>A signed-in user: an HTTP client that sends their cookie, and the cookie for hub connections.</summary>
public sealed class Session(HttpClient client, string? cookie, AccountView? account)
{
    public HttpClient Client { get; } = client;

    /// <summary>The Cookie header value; null for anonymous.</summary>
    public string? Cookie { get; } = cookie;

    public AccountView? Account { get; } = account;

    public static Session Anonymous(OccupancyServerFactory server) => new(NewClient(server), null, null);

    /// <summary>A client that keeps no cookies of its own: a session's cookie is sent explicitly, and nothing else.</summary>
    private static HttpClient NewClient(OccupancyServerFactory server) =>
        server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    /// <summary>Signs in through the API and keeps the cookie it sets.</summary>
    public static async Task<Session> SignInAsync(OccupancyServerFactory server, string email, string password)
    {
        var client = NewClient(server);
        using var response = await client.PostAsJsonAsync("/api/account/sign-in", new SignInRequest(email, password));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return new Session(client, cookie, await response.Content.ReadFromJsonAsync<AccountView>());
    }

    public static Task<Session> AdminAsync(OccupancyServerFactory server) =>
        SignInAsync(server, OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword);

    /// <summary>Creates an account through the admin API (as <paramref name="admin"/>) and signs in with it.</summary>
    public static async Task<Session> NewUserAsync(
        OccupancyServerFactory server, Session admin, string name, bool isAdmin = false, string[]? hostOf = null, bool member = false)
    {
        var email = $"{name}@occupancy.test";
        const string password = "a-long-enough-password";
        if (member)
        {
            using var created = await admin.Client.PostAsJsonAsync("/api/admin/members", new { name, email, homeSpaceId = OccupancyServerFactory.SiteId, password });
            Assert.True(created.IsSuccessStatusCode, $"Creating member {name} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        }
        else
        {
            using var created = await admin.Client.PostAsJsonAsync("/api/admin/users", new UserRequest(email, name, password, isAdmin, hostOf));
            Assert.True(created.IsSuccessStatusCode, $"Creating user {name} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        }

        return await SignInAsync(server, email, password);
    }
}
