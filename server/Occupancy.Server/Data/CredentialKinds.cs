namespace Occupancy.Server.Data;

/// <summary>The kinds of member credential (the wire values).</summary>
public static class CredentialKinds
{
    public const string Card = "card";

    public const string PhoneCode = "phone-code";

    public static bool IsValid(string? kind) => kind is Card or PhoneCode;
}
