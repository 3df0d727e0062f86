using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

/// <summary>One example of every message, the same ones docs/protocol.md shows; the golden files hold their bytes.</summary>
internal static class ContractSamples
{
    public const string Door = "reader-front";
    public const string Nonce = "9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e";
    public const long Ts = 1767254400000; // 2026-01-01T08:00:00Z

    /// <summary>The sample door key: bytes 00 01 02 … 1f.</summary>
    public static byte[] DoorKey { get; } = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    public static CommandSigner Signer { get; } = new(DoorKey);

    private static MessageHeader Header(long seq, long ts = Ts) => new(seq, ts, "1.0.0");

    /// <summary>Golden file name → the encoded sample, and a decoder that re-encodes what it read.</summary>
    public static TheoryData<string> Names => new(Messages.Keys);

    public static readonly IReadOnlyDictionary<string, (Func<string> Encode, Func<string, string> RoundTrip)> Messages =
        new Dictionary<string, (Func<string>, Func<string, string>)>
        {
            ["health-desk.json"] = (
                () => new HealthMessage(86400, -61, 3290, 2, 0, 0, 300000, 3, 0, Header(1042)).Encode(),
                p => HealthMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["health-unmeasured.json"] = (
                () => new HealthMessage(30, HealthMessage.NotMeasured, HealthMessage.NotMeasured, 0, 17, 5, 300000, 0, 1, Header(8)).Encode(),
                p => HealthMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["desk-config.json"] = (
                () => new DeskConfigMessage(3, 10000, 600000, 5000, 300000, 50).Encode(),
                p => DeskConfigMessage.TryDecode(p, out var m, out var r) ? m.Encode() : r.Detail),
            ["door-config.json"] = (
                () => new DoorConfigMessage(7, 5000, 1500, 30000, false, 300000).Encode(),
                p => DoorConfigMessage.TryDecode(p, out var m, out var r) ? m.Encode() : r.Detail),
            ["config-rejected.json"] = (
                () => new ConfigRejectedMessage(new ConfigRejection(4, "freeAfterMs", RejectionReasons.OutOfRange, "'freeAfterMs' must be from 1000 to 86400000"), Header(1043)).Encode(),
                p => ConfigRejectedMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["access-request-card.json"] = (
                () => new AccessRequestMessage(Nonce, new Credential(Credential.Card, "04a1b2c3d4e5f6"), Header(311)).Encode(),
                p => AccessRequestMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["access-request-code.json"] = (
                () => new AccessRequestMessage(Nonce, new Credential(Credential.Code, "otp1:m-4711:492817"), Header(312)).Encode(),
                p => AccessRequestMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["unlock-grant.json"] = (
                () => Signer.Grant(Door, Nonce, 5000, Ts + 5000).Encode(),
                p => UnlockCommand.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["unlock-deny.json"] = (
                () => Signer.Deny(Door, Nonce, Ts + 5000).Encode(),
                p => UnlockCommand.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["access-result-granted.json"] = (
                () => new AccessResultMessage(Nonce, AccessResults.Granted, true, Header(313, Ts + 12)).Encode(),
                p => AccessResultMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["access-result-timeout.json"] = (
                () => new AccessResultMessage(Nonce, AccessResults.Timeout, false, Header(313, Ts + 1500)).Encode(),
                p => AccessResultMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["access-result-exit.json"] = (
                () => new AccessResultMessage("", AccessResults.Exit, true, Header(320)).Encode(),
                p => AccessResultMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["command-rejected.json"] = (
                () => new CommandRejectedMessage(RejectionReasons.BadSignature, Nonce, Header(314)).Encode(),
                p => CommandRejectedMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["alarm-forced.json"] = (
                () => new AlarmMessage(Alarms.Forced, true, 0, Header(330)).Encode(),
                p => AlarmMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["alarm-held-open.json"] = (
                () => new AlarmMessage(Alarms.HeldOpen, true, 30000, Header(331, Ts + 30000)).Encode(),
                p => AlarmMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
            ["alarm-held-open-cleared.json"] = (
                () => new AlarmMessage(Alarms.HeldOpen, false, 47250, Header(332, Ts + 47250)).Encode(),
                p => AlarmMessage.TryDecode(p, out var m, out var e) ? m.Encode() : e),
        };
}
