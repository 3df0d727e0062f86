namespace Occupancy.Server.Tests.Authorization;

/// <summary>
/// Every endpoint × every role. Space A is "hq" (host of A), space B is "pier" (host of B). Letters per role:
/// anonymous, member, host of A, host of B, admin — A allowed, U 401, F 403, H 404.
/// </summary>
public static class EndpointMatrix
{
    private const string Everyone = "AAAAA";
    private const string SignedIn = "UAAAA";
    private const string Staff = "UFAAA";
    private const string AdminOnly = "UFFFA";
    private const string SpaceA = "UFAFA";
    private const string SpaceB = "UFFAA";
    private const string MemberOfA = "UFAHA";
    private const string MemberOfB = "UFHAA";
    private const string OwnMemberRecord = "UAHHH";

    private const string A = "/api/admin/spaces/hq";
    private const string B = "/api/admin/spaces/pier";

    public static readonly EndpointRow[] Rows =
    [
        // Live occupancy: anyone, signed in or not (desk states and counts only).
        new("GET", "/api/spaces", Everyone),
        new("GET", "/api/spaces/hq", Everyone),
        new("GET", "/api/spaces/pier/floors/floor-1", Everyone),
        new("GET", "/openapi/v1.json", Everyone),
        new("GET", "/healthz", Everyone),

        new("GET", "/api/account", SignedIn),
        new("POST", "/api/account/sign-in", Everyone, """{"email":"admin@occupancy.test","password":"admin-password-for-tests"}"""),
        new("POST", "/api/account/sign-out", SignedIn),

        // Accounts and roles: admins only.
        new("GET", "/api/admin/users", AdminOnly),
        new("GET", "/api/admin/users/{hostA}", AdminOnly),
        new("POST", "/api/admin/users", AdminOnly, """{"email":"user-{n}@occupancy.test","displayName":"U","password":"a-long-enough-password"}"""),
        new("PUT", "/api/admin/users/{hostA}", AdminOnly, """{"email":"host-a@occupancy.test","displayName":"host-a","hostOf":["hq"]}"""),
        new("DELETE", "/api/admin/users/{fresh}", AdminOnly, Setup: NewUserAsync),

        // Spaces.
        new("GET", "/api/admin/spaces", Staff),
        new("POST", "/api/admin/spaces", AdminOnly, """{"id":"space-{n}","name":"S","timeZone":"Europe/Paris"}"""),
        new("GET", A, SpaceA),
        new("GET", B, SpaceB),
        new("GET", "/api/admin/spaces/nowhere", "UFFFH"),
        new("PUT", A, SpaceA, """{"name":"Harbour Street","timeZone":"Europe/Berlin","openingHours":[{"day":"monday","opens":"08:00","closes":"20:00"}]}"""),
        new("PUT", B, SpaceB, """{"name":"Pier","timeZone":"Europe/Lisbon"}"""),
        new("DELETE", "/api/admin/spaces/{fresh}", AdminOnly, Setup: NewSpaceAsync),

        // Floors.
        new("GET", $"{A}/floors", SpaceA),
        new("GET", $"{B}/floors/floor-1", SpaceB),
        new("POST", $"{A}/floors", SpaceA, """{"id":"floor-x{n}","name":"F","width":500,"height":300}"""),
        new("PUT", $"{B}/floors/floor-1", SpaceB, """{"name":"Deck","width":1000,"height":600}"""),
        new("DELETE", $"{A}/floors/{{fresh}}", SpaceA, Setup: w => NewAsync(w, $"{A}/floors", """{"id":"floor-d{n}","name":"F","width":500,"height":300}""", "floor-d")),

        // Desks.
        new("GET", $"{A}/desks", SpaceA),
        new("GET", $"{A}/desks/desk-101", SpaceA),
        new("GET", $"{B}/desks/desk-1", SpaceB),
        new("POST", $"{A}/desks", SpaceA, """{"id":"desk-x{n}","floorId":"floor-1","label":"X","x":900,"y":500,"width":20,"height":20,"zone":"quiet","deviceId":"sensor-x{n}"}"""),
        new("PUT", $"{B}/desks/desk-1", SpaceB, """{"floorId":"floor-1","label":"1","x":10,"y":10,"width":100,"height":60,"shape":"rect","zone":"quiet","deviceId":"sensor-1"}"""),
        new("DELETE", $"{A}/desks/{{fresh}}", SpaceA, Setup: w => NewAsync(w, $"{A}/desks",
            """{"id":"desk-d{n}","floorId":"floor-2","label":"D","x":900,"y":500,"width":20,"height":20,"zone":"focus","deviceId":"sensor-d{n}"}""", "desk-d")),

        // Zones.
        new("GET", $"{A}/zones", SpaceA),
        new("POST", $"{B}/zones", SpaceB, """{"id":"zone-{n}","name":"Z"}"""),
        new("PUT", $"{A}/zones/quiet", SpaceA, """{"name":"quiet"}"""),
        new("DELETE", $"{B}/zones/{{fresh}}", SpaceB, Setup: w => NewAsync(w, $"{B}/zones", """{"id":"zone-d{n}","name":"Z"}""", "zone-d")),

        // Doors.
        new("GET", $"{A}/doors", SpaceA),
        new("GET", $"{B}/doors/gate", SpaceB),
        new("POST", $"{A}/doors", SpaceA, """{"id":"door-{n}","floorId":"floor-1","name":"D","deviceId":"reader-x{n}"}"""),
        new("PUT", $"{A}/doors/front", SpaceA, """{"floorId":"floor-1","name":"Front door","deviceId":"reader-front","unlockSeconds":5}"""),
        new("DELETE", $"{B}/doors/{{fresh}}", SpaceB, Setup: w => NewAsync(w, $"{B}/doors", """{"id":"door-d{n}","floorId":"floor-1","name":"D","deviceId":"reader-d{n}"}""", "door-d")),

        // Devices.
        new("GET", $"{A}/devices", SpaceA),
        new("GET", $"{A}/devices/sensor-101", SpaceA),
        new("POST", $"{B}/devices", SpaceB, """{"id":"device-{n}","kind":"desk"}"""),
        new("POST", $"{A}/devices/sensor-102/secret", SpaceA),
        new("DELETE", $"{B}/devices/{{fresh}}", SpaceB, Setup: w => NewAsync(w, $"{B}/devices", """{"id":"device-d{n}","kind":"door"}""", "device-d")),

        // Members: a host sees the members of their spaces (home, or a pass there) and manages those of their home spaces.
        new("GET", "/api/admin/members", Staff),
        new("POST", "/api/admin/members", "UFAFA", """{"name":"New","homeSpaceId":"hq"}"""),
        new("POST", "/api/admin/members", "UFFAA", """{"name":"New","homeSpaceId":"pier"}"""),
        new("GET", "/api/admin/members/{memberA}", MemberOfA),
        new("GET", "/api/admin/members/{memberB}", MemberOfB),
        new("GET", "/api/admin/members/{memberAB}", Staff),
        new("PUT", "/api/admin/members/{memberA}", MemberOfA, """{"name":"Member A","homeSpaceId":"hq"}"""),
        new("PUT", "/api/admin/members/{memberAB}", "UFAFA", """{"name":"Member AB","homeSpaceId":"hq"}"""),
        new("PUT", "/api/admin/members/{fresh}", "UFFHA", """{"name":"Moved away","homeSpaceId":"pier"}""", Setup: w => w.NewMemberAsync("hq")),
        new("DELETE", "/api/admin/members/{fresh}", MemberOfB, Setup: w => w.NewMemberAsync("pier")),

        // Passes: hosts manage the passes whose spaces they all host.
        new("GET", "/api/admin/passes", Staff),
        new("GET", "/api/admin/passes/{passA}", MemberOfA),
        new("GET", "/api/admin/passes/{passB}", MemberOfB),
        new("GET", "/api/admin/passes/{passAB}", Staff),
        new("POST", "/api/admin/passes", SpaceA, """{"memberId":"{memberA}","spaceIds":["hq"],"weekdays":["monday","friday"],"opens":"07:00","closes":"19:00"}"""),
        new("POST", "/api/admin/passes", AdminOnly, """{"memberId":"{memberAB}","spaceIds":["hq","pier"]}"""),
        new("POST", "/api/admin/passes", SpaceB, """{"memberId":"{memberAB}","spaceIds":["pier"],"doors":[{"spaceId":"pier","doorId":"gate"}]}"""),
        new("PUT", "/api/admin/passes/{passA}", MemberOfA, """{"memberId":"{memberA}","spaceIds":["hq"],"validFrom":"2026-01-01"}"""),
        new("PUT", "/api/admin/passes/{passAB}", "UFFFA", """{"memberId":"{memberAB}","spaceIds":["hq","pier"]}"""),
        new("PUT", "/api/admin/passes/{fresh}", "UFHFA", """{"memberId":"{freshMember}","spaceIds":["pier","hq"]}""", Setup: NewPierMemberWithPassAsync),
        new("POST", "/api/admin/passes/{fresh}/revoke", MemberOfA, Setup: w => w.NewPassAsync(w.Ids["memberA"], "hq")),
        new("DELETE", "/api/admin/passes/{fresh}", MemberOfB, Setup: w => w.NewPassAsync(w.Ids["memberB"], "pier")),

        // Credentials follow their member.
        new("GET", "/api/admin/members/{memberA}/credentials", MemberOfA),
        new("GET", "/api/admin/members/{memberAB}/credentials", Staff),
        new("POST", "/api/admin/members/{memberA}/credentials", MemberOfA, """{"kind":"phone-code","label":"Phone"}"""),
        new("POST", "/api/admin/members/{memberB}/credentials", MemberOfB, """{"kind":"card","cardUid":"04{n:x6}"}"""),
        new("POST", "/api/admin/members/{memberAB}/credentials", "UFAFA", """{"kind":"phone-code"}"""),
        new("DELETE", "/api/admin/members/{memberA}/credentials/{fresh}", MemberOfA, Setup: NewCredentialAsync),

        // Erasing a member: admins only.
        new("POST", "/api/admin/members/{fresh}/erase", AdminOnly, Setup: w => w.NewMemberAsync("hq")),

        // A member's own data: the signed-in account's member record; staff without one get 404.
        new("GET", "/api/me", OwnMemberRecord),
        new("PUT", "/api/me", OwnMemberRecord, """{"showInWhosIn":false,"headline":"Writes software"}"""),
        new("GET", "/api/me/passes", OwnMemberRecord),
        new("GET", "/api/me/phone-codes", OwnMemberRecord),
        new("GET", "/api/me/export", OwnMemberRecord),

        // Who's in: members of the space only (the matrix's member belongs to hq, not pier).
        new("GET", "/api/spaces/hq/whos-in", OwnMemberRecord),
        new("GET", "/api/spaces/pier/whos-in", "UHHHH"),
        new("PUT", "/api/spaces/hq/check-in", OwnMemberRecord),
        new("PUT", "/api/spaces/pier/check-in", "UHHHH"),
        new("DELETE", "/api/spaces/hq/check-in", OwnMemberRecord),

        // Utilisation (read from InfluxDB): the hosts of that space and admins.
        new("GET", "/api/spaces/hq/utilisation?from=2026-11-16&to=2026-11-22", SpaceA),
        new("GET", "/api/spaces/pier/utilisation?from=2026-11-16&to=2026-11-16&floor=floor-1", SpaceB),
        new("GET", "/api/spaces/pier/utilisation/desk-hours.csv?from=2026-11-16&to=2026-11-22", SpaceB),
        new("GET", "/api/spaces/hq/utilisation/weekday-hours.csv?from=2026-11-16&to=2026-11-22", SpaceA),
        new("GET", "/api/spaces/nowhere/utilisation?from=2026-11-16&to=2026-11-22", "UFFFH"),

        // Access control: a space's status, lockdown and access log are its hosts'; a member reads only their own entries.
        new("GET", $"{A}/access", SpaceA),
        new("GET", $"{B}/access", SpaceB),
        new("POST", $"{A}/access/lockdown", SpaceA, """{"active":false}"""),
        new("POST", $"{B}/access/lockdown", SpaceB, """{"active":false}"""),
        new("GET", $"{A}/access/log", SpaceA),
        new("GET", $"{B}/access/log", SpaceB),
        new("GET", "/api/account/access-log", SignedIn),
    ];

    /// <summary>A member of B alone with a pass for B: an admin may widen it to A without making members of A visible to B.</summary>
    private static async Task<string> NewPierMemberWithPassAsync(AccessWorld world)
    {
        var member = world.Ids["freshMember"] = await world.NewMemberAsync("pier");
        return await world.NewPassAsync(member, "pier");
    }

    private static async Task<string> NewSpaceAsync(AccessWorld world) =>
        await NewAsync(world, "/api/admin/spaces", """{"id":"space-d{n}","name":"S","timeZone":"Europe/Paris"}""", "space-d");

    private static async Task<string> NewUserAsync(AccessWorld world) =>
        (await world.PostAsync<Models.UserView>("/api/admin/users", new Models.UserRequest($"gone-{world.Next()}@occupancy.test", "Gone", "a-long-enough-password"))).Id;

    private static async Task<string> NewCredentialAsync(AccessWorld world)
    {
        using var response = await world.PostAsync($"/api/admin/members/{world.Ids["memberA"]}/credentials", new { kind = "phone-code" });
        var created = response.Headers.Location!.ToString();
        return created[(created.LastIndexOf('/') + 1)..];
    }

    /// <summary>POSTs <paramref name="body"/> as admin with a fresh {n} and returns the new id (<paramref name="prefix"/> + n).</summary>
    private static async Task<string> NewAsync(AccessWorld world, string url, string body, string prefix)
    {
        var n = world.Next();
        using var content = new StringContent(body.Replace("{n}", n.ToString()), System.Text.Encoding.UTF8, "application/json");
        using var response = await world.Admin.Client.PostAsync(url, content);
        Assert.True(response.IsSuccessStatusCode, $"Setup POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return prefix + n;
    }
}
