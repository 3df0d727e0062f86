namespace Occupancy.Server.Models;

public sealed record SignInRequest(string? Email, string? Password, bool RememberMe = false);
