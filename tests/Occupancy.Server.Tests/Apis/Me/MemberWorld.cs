using System.Net.Http.Json;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Tests.Apis.Me;

/// <summary>Members created through the admin API, each with an account to sign in with.</summary>
public sealed class MemberWorld(OccupancyServerFactory server, Session admin)
{
    public const string Password = "a-long-enough-password";

    public Session Admin { get; } = admin;

    /// <summary>The seeded space "hq" (Berlin) and a second space "pier" (Lisbon), for members of other spaces.</summary>
    public static async Task<MemberWorld> StartAsync(OccupancyServerFactory server)
    {
        var world = new MemberWorld(server, await Session.AdminAsync(server));
        using var pier = await world.Admin.Client.PostAsJsonAsync("/api/admin/spaces", new { id = "pier", name = "Pier", timeZone = "Europe/Lisbon" });
        Assert.True(pier.IsSuccessStatusCode, $"Creating space pier answered {(int)pier.StatusCode}");
        return world;
    }

    /// <summary>A member with an account; returns their id and signed-in session.</summary>
    public async Task<(Guid Id, Session Session)> NewMemberAsync(string name, string homeSpaceId = "hq")
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}@occupancy.test";
        var member = await PostAsync<MemberView>("/api/admin/members", new MemberRequest(name, email, homeSpaceId, Password));
        return (member.Id, await Session.SignInAsync(server, email, Password));
    }

    public Task<CredentialView> NewPhoneCredentialAsync(Guid memberId, string label = "Phone") =>
        PostAsync<CredentialView>($"/api/admin/members/{memberId}/credentials", new CredentialRequest("phone-code", null, label));

    public Task<PassView> NewPassAsync(Guid memberId, params string[] spaceIds) =>
        PostAsync<PassView>("/api/admin/passes", new PassRequest(memberId, "Flex", spaceIds, [], [], null, null, null, null));

    public async Task<T> PostAsync<T>(string url, object body)
    {
        using var response = await Admin.Client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
