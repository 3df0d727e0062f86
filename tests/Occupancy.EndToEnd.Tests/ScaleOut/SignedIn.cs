using System.Net;
using System.Net.Http.Json;
using Occupancy.Server.Models;

namespace Occupancy.EndToEnd.Tests.ScaleOut;

/// <summary>A user signed in to a server through its API: a client that sends their cookie, and the cookie for hub connections.</summary>
internal sealed record SignedIn(HttpClient Client, string Cookie)
{
    public static Task<SignedIn> AdminAsync(ServerOnKestrel server) => SignInAsync(server, ServerOnKestrel.AdminEmail, ServerOnKestrel.AdminPassword);

    public static async Task<SignedIn> SignInAsync(ServerOnKestrel server, string email, string password)
    {
        var client = new HttpClient { BaseAddress = server.BaseUrl };
        using var response = await client.PostAsJsonAsync("/api/account/sign-in", new SignInRequest(email, password));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Signing in as {email} answered {(int)response.StatusCode}");
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return new SignedIn(client, cookie);
    }
}
