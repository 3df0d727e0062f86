using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models;

namespace Occupancy.Server.Apis;

/// <summary>Signing in and out of the dashboard (a cookie), and who is signed in.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").WithTags("Account");
        api.MapPost("/sign-in", SignIn);
        api.MapPost("/sign-out", SignOut).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", Me).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    public static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, SignInManager<OccupancyUser> signIn, UserManager<OccupancyUser> users)
    {
        var errors = new RequestErrors();
        errors.RequireText("email", request.Email, 256);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "Is required.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var user = await users.FindByEmailAsync(request.Email!.Trim());
        var result = user is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password!, request.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(
                title: "Too many attempts", detail: "Too many wrong passwords: try again in a few minutes.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (!result.Succeeded)
        {
            return TypedResults.Problem(title: "Not signed in", detail: "Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        // The principal of this request is still the anonymous one: describe the user from the store.
        var principal = await signIn.CreateUserPrincipalAsync(user!);
        return TypedResults.Ok(Describe(principal));
    }

    public static async Task<NoContent> SignOut(SignInManager<OccupancyUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Ok<AccountView> Me(ClaimsPrincipal user) => TypedResults.Ok(Describe(user));

    private static AccountView Describe(ClaimsPrincipal user)
    {
        var hostOf = user.HostedSpaces().Order(StringComparer.Ordinal).ToArray();
        string[] roles =
        [
            .. user.IsAdmin() ? [Roles.Admin] : Array.Empty<string>(),
            .. hostOf.Length > 0 ? [Roles.Host] : Array.Empty<string>(),
            .. user.IsInRole(Roles.Member) ? [Roles.Member] : Array.Empty<string>(),
        ];
        return new AccountView(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
            user.FindFirstValue(OccupancyClaims.DisplayName) ?? "",
            roles,
            hostOf);
    }
}
