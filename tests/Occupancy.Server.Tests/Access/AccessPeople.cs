using System.Net.Http.Json;
using Occupancy.Server.Models.Admin;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Access;

/// <summary>Members, passes and cards made through the admin API, and what the edge knows them as.</summary>
internal static class AccessPeople
{
    public static readonly byte[] NetworkKey = Convert.FromHexString(OccupancyServerFactory.NetworkKeyHex);

    public static string Pseudonym(Guid memberId) => CredentialHashing.MemberPseudonym(NetworkKey, memberId.ToString());

    public static async Task<MemberView> NewMemberAsync(Session admin, string name, string homeSpaceId = "hq", string? password = null) =>
        await PostAsync<MemberView>(admin, "/api/admin/members", new MemberRequest(name, password is null ? null : $"{name.ToLowerInvariant().Replace(' ', '-')}@occupancy.test", homeSpaceId, password));

    public static async Task<PassView> NewPassAsync(Session admin, Guid memberId, params string[] spaceIds) =>
        await PostAsync<PassView>(admin, "/api/admin/passes", new PassRequest(memberId, "Flex", spaceIds, null, null, null, null, null, null));

    public static async Task<CredentialView> NewCardAsync(Session admin, Guid memberId, string uid) =>
        await PostAsync<CredentialView>(admin, $"/api/admin/members/{memberId}/credentials", new CredentialRequest("card", uid, "Card"));

    public static async Task<T> PostAsync<T>(Session session, string url, object body)
    {
        using var response = await session.Client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
