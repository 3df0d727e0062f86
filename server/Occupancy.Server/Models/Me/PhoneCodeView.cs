namespace Occupancy.Server.Models.Me;

/// <summary>
/// One phone credential's codes: what the reader must scan now (<see cref="Presented"/>, shown as a QR code)
/// and the code of the next step, so a page with a flaky connection can switch on time. Never the secret.
/// </summary>
public sealed record PhoneCodeView(
    Guid CredentialId,
    string Label,
    string Presented,
    string Code,
    long StepStartsAtMs,
    long StepEndsAtMs,
    string NextPresented,
    long ServerTimeMs,
    int StepSeconds);
