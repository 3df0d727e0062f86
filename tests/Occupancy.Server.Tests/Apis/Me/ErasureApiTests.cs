using System.Net;
using System.Net.Http.Json;
using Occupancy.Server.Models;
using Occupancy.Server.Models.Admin;
using Occupancy.Server.Models.Me;

namespace Occupancy.Server.Tests.Apis.Me;

public sealed class ErasureApiTests
{
    [Fact]
    public async Task ErasingAMember_DeletesTheirPersonalData_AndRevokesTheirPassesAndCredentials_ButKeepsTheirPseudonymousId()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (_, viewer) = await world.NewMemberAsync("Viewer");
        var (adaId, ada) = await world.NewMemberAsync("Ada Lovelace");
        var pass = await world.NewPassAsync(adaId, "hq");
        await world.NewPhoneCredentialAsync(adaId);
        await world.PostAsync<CredentialView>($"/api/admin/members/{adaId}/credentials", new CredentialRequest("card", "04A1B2C3", "Card"));
        (await ada.Client.PutAsJsonAsync("/api/me", new ProfileRequest(true, "Writes the first programs"))).EnsureSuccessStatusCode();
        (await ada.Client.PutAsync("/api/spaces/hq/check-in", null)).EnsureSuccessStatusCode();

        using var erase = await world.Admin.Client.PostAsync($"/api/admin/members/{adaId}/erase", null);

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var member = (await world.Admin.Client.GetFromJsonAsync<MemberView>($"/api/admin/members/{adaId}"))!;
        Assert.Equal(("Erased member", null, false), (member.Name, member.Email, member.HasAccount));
        var credentials = (await world.Admin.Client.GetFromJsonAsync<CredentialView[]>($"/api/admin/members/{adaId}/credentials"))!;
        Assert.Equal(2, credentials.Length);
        Assert.All(credentials, c => Assert.Equal((null, "", true), (c.CardUid, c.Label, c.RevokedAt is not null)));
        var erasedPass = (await world.Admin.Client.GetFromJsonAsync<PassView>($"/api/admin/passes/{pass.Id}"))!;
        Assert.NotNull(erasedPass.RevokedAt);
        Assert.True(erasedPass.Version > pass.Version, "the revocation is a new version, so edges' replicas drop the pass");
        Assert.Empty((await viewer.Client.GetFromJsonAsync<WhosInView>("/api/spaces/hq/whos-in"))!.Members);
        using var signIn = await server.CreateClient().PostAsJsonAsync("/api/account/sign-in", new SignInRequest(ada.Account!.Email, MemberWorld.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        // A card UID freed by erasure can be given to someone else.
        await world.PostAsync<CredentialView>($"/api/admin/members/{(await world.NewMemberAsync("Grace")).Id}/credentials", new CredentialRequest("card", "04A1B2C3", "Card"));
    }

    [Fact]
    public async Task ErasingAnUnknownMember_IsNotFound()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.PostAsync($"/api/admin/members/{Guid.NewGuid()}/erase", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
