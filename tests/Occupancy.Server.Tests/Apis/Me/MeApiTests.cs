using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Server.Models.Admin;
using Occupancy.Server.Models.Me;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Apis.Me;

public sealed class MeApiTests
{
    // Mid-step, so the test's own advances stay inside known steps.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_015);

    [Fact]
    public async Task PhoneCodes_AreTheCodeOfTheCurrentStep_ChangeWhenTheStepEnds_AndNeverCarryTheSecret()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = new OccupancyServerFactory { Clock = clock };
        var world = await MemberWorld.StartAsync(server);
        var (memberId, member) = await world.NewMemberAsync("Ada");
        var phone = await world.NewPhoneCredentialAsync(memberId);
        var secret = Convert.FromBase64String(phone.Secret!);

        var body = await member.Client.GetStringAsync("/api/me/phone-codes");
        var first = Assert.Single((await member.Client.GetFromJsonAsync<PhoneCodeView[]>("/api/me/phone-codes"))!);
        clock.Advance(TimeSpan.FromSeconds(PhoneCodes.StepSeconds));
        var second = Assert.Single((await member.Client.GetFromJsonAsync<PhoneCodeView[]>("/api/me/phone-codes"))!);

        Assert.DoesNotContain(phone.Secret!, body);
        Assert.Equal(PhoneCodes.Presented(phone.Id.ToString(), secret, Start.ToUnixTimeMilliseconds()), first.Presented);
        Assert.Equal((1_800_000_000_000L, 1_800_000_030_000L), (first.StepStartsAtMs, first.StepEndsAtMs));
        Assert.NotEqual(first.Presented, second.Presented);
        Assert.Equal(first.NextPresented, second.Presented);
        Assert.True(PhoneCodes.TrySplit(second.Presented, out var credentialId, out var code));
        Assert.Equal((phone.Id.ToString(), second.Code), (credentialId, code));
    }

    [Fact]
    public async Task PhoneCodes_OfARevokedCredential_AreNoLongerGiven()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (memberId, member) = await world.NewMemberAsync("Grace");
        var kept = await world.NewPhoneCredentialAsync(memberId, "Work phone");
        var revoked = await world.NewPhoneCredentialAsync(memberId, "Old phone");
        (await world.Admin.Client.DeleteAsync($"/api/admin/members/{memberId}/credentials/{revoked.Id}")).EnsureSuccessStatusCode();

        var codes = (await member.Client.GetFromJsonAsync<PhoneCodeView[]>("/api/me/phone-codes"))!;

        Assert.Equal([kept.Id], codes.Select(c => c.CredentialId));
    }

    [Fact]
    public async Task AMember_SeesTheirOwnPassesOnly()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (adaId, ada) = await world.NewMemberAsync("Ada");
        var (graceId, _) = await world.NewMemberAsync("Grace");
        var adas = await world.NewPassAsync(adaId, "hq", "pier");
        await world.NewPassAsync(graceId, "hq");

        var passes = (await ada.Client.GetFromJsonAsync<PassView[]>("/api/me/passes"))!;
        var profile = (await ada.Client.GetFromJsonAsync<MemberProfileView>("/api/me"))!;

        Assert.Equal([adas.Id], passes.Select(p => p.Id));
        Assert.Equal(["hq", "pier"], profile.SpaceIds);
        Assert.False(profile.ShowInWhosIn);
    }

    [Fact]
    public async Task AHeadlineLongerThan160Characters_IsAProblemNamingTheField()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (_, ada) = await world.NewMemberAsync("Ada");

        using var response = await ada.Client.PutAsJsonAsync("/api/me", new ProfileRequest(true, new string('x', 161)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"headline\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheExport_HoldsTheMembersProfilePassesCredentialsAndCheckIns_ButNoPhoneSecret()
    {
        await using var server = new OccupancyServerFactory();
        var world = await MemberWorld.StartAsync(server);
        var (adaId, ada) = await world.NewMemberAsync("Ada Lovelace");
        var pass = await world.NewPassAsync(adaId, "hq");
        var phone = await world.NewPhoneCredentialAsync(adaId);
        var card = await world.PostAsync<CredentialView>($"/api/admin/members/{adaId}/credentials", new CredentialRequest("card", "04A1B2C3", "Card"));
        (await ada.Client.PutAsJsonAsync("/api/me", new ProfileRequest(true, "Writes the first programs"))).EnsureSuccessStatusCode();
        (await ada.Client.PutAsync("/api/spaces/hq/check-in", null)).EnsureSuccessStatusCode();

        using var response = await ada.Client.GetAsync("/api/me/export");
        var text = await response.Content.ReadAsStringAsync();
        var export = (await response.Content.ReadFromJsonAsync<MemberExport>())!;

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(("Ada Lovelace", "Writes the first programs", true), (export.Member.Name, export.Member.Headline, export.Member.ShowInWhosIn));
        Assert.Equal(ada.Account!.Email, export.Account!.Email);
        Assert.Equal([pass.Id], export.Passes.Select(p => p.Id));
        Assert.Equal([phone.Id, card.Id], export.Credentials.Select(c => c.Id));
        Assert.Equal("04A1B2C3", export.Credentials[1].CardUid);
        Assert.Equal("hq", Assert.Single(export.CheckIns).SpaceId);
        Assert.DoesNotContain(phone.Secret!, text);
    }

    [Fact]
    public async Task StaffWithoutAMemberRecord_GetANotFoundProblemThatSaysWhy()
    {
        await using var server = new OccupancyServerFactory();
        var admin = await Session.AdminAsync(server);

        using var response = await admin.Client.GetAsync("/api/me/phone-codes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no member record", await response.Content.ReadAsStringAsync());
    }
}
