using System.Security.Cryptography;
using System.Text;
using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

public sealed class CommandSignerTests
{
    private const long Expires = ContractSamples.Ts + 5000;

    [Fact]
    public void CanonicalString_IsTheDomainAndTheFieldsOnePerLine()
    {
        Assert.Equal(
            "occupancy/v1/cmd/unlock\nreader-front\n9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e\ngrant\n5000\n1767254405000",
            CommandSigner.CanonicalString(ContractSamples.Door, ContractSamples.Nonce, Decisions.Grant, 5000, Expires));
    }

    [Fact]
    public void Sign_IsDotNetsHmacSha256OverTheCanonicalString()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(CommandSigner.CanonicalString("reader-back", ContractSamples.Nonce, Decisions.Deny, 0, Expires)));

        Assert.Equal(Convert.ToHexStringLower(expected), new CommandSigner(key).Sign("reader-back", ContractSamples.Nonce, Decisions.Deny, 0, Expires));
    }

    [Fact]
    public void Verify_AcceptsACommandSignedWithTheSameKey()
    {
        var command = ContractSamples.Signer.Grant(ContractSamples.Door, ContractSamples.Nonce, 5000, Expires);

        Assert.True(ContractSamples.Signer.Verify(command));
    }

    public static TheoryData<string, UnlockCommand> Tampered
    {
        get
        {
            var good = ContractSamples.Signer.Grant(ContractSamples.Door, ContractSamples.Nonce, 5000, Expires);
            return new TheoryData<string, UnlockCommand>
            {
                { "another door", new UnlockCommand("reader-back", good.Nonce, good.Decision, good.UnlockMs, good.ExpiresAtMs, good.Signature) },
                { "another nonce", new UnlockCommand(good.Door, "00000000000000000000000000000000", good.Decision, good.UnlockMs, good.ExpiresAtMs, good.Signature) },
                { "deny turned into grant", new UnlockCommand(good.Door, good.Nonce, Decisions.Grant, 0, good.ExpiresAtMs, ContractSamples.Signer.Deny(good.Door, good.Nonce, good.ExpiresAtMs).Signature) },
                { "longer unlock", new UnlockCommand(good.Door, good.Nonce, good.Decision, 60000, good.ExpiresAtMs, good.Signature) },
                { "later expiry", new UnlockCommand(good.Door, good.Nonce, good.Decision, good.UnlockMs, good.ExpiresAtMs + 60000, good.Signature) },
                { "flipped signature bit", new UnlockCommand(good.Door, good.Nonce, good.Decision, good.UnlockMs, good.ExpiresAtMs, (good.Signature[0] == '0' ? "1" : "0") + good.Signature[1..]) },
                { "another key", new CommandSigner(new byte[32]).Grant(good.Door, good.Nonce, good.UnlockMs, good.ExpiresAtMs) },
                { "upper-case signature", new UnlockCommand(good.Door, good.Nonce, good.Decision, good.UnlockMs, good.ExpiresAtMs, good.Signature.ToUpperInvariant()) },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Tampered))]
    public void Verify_RefusesATamperedOrForeignCommand(string change, UnlockCommand command)
    {
        Assert.False(ContractSamples.Signer.Verify(command), change);
    }

    [Fact]
    public void Answer_ExpiresFiveSecondsAfterTheRequestInTheReadersClock()
    {
        var request = new AccessRequestMessage(ContractSamples.Nonce, new Credential(Credential.Card, "04a1b2c3"), new MessageHeader(9, 1_000_000, "1.0.0"));

        var grant = ContractSamples.Signer.Answer(ContractSamples.Door, request, grant: true, unlockMs: 7000);
        var deny = ContractSamples.Signer.Answer(ContractSamples.Door, request, grant: false, unlockMs: 7000);

        Assert.Equal((Decisions.Grant, 7000L, 1_005_000L, ContractSamples.Nonce), (grant.Decision, grant.UnlockMs, grant.ExpiresAtMs, grant.Nonce));
        Assert.Equal((Decisions.Deny, 0L, 1_005_000L), (deny.Decision, deny.UnlockMs, deny.ExpiresAtMs));
        Assert.True(ContractSamples.Signer.Verify(grant));
        Assert.True(ContractSamples.Signer.Verify(deny));
    }

    [Fact]
    public void CommandSigner_RefusesAShortKey()
    {
        Assert.Throws<ArgumentException>(() => new CommandSigner(new byte[15]));
    }

    [Fact]
    public void DoorKeys_Derive_IsHmacOfTheLabelAndDoorIdUnderTheMasterKey()
    {
        var master = RandomNumberGenerator.GetBytes(32);

        var key = DoorKeys.Derive(master, "reader-front");

        Assert.Equal(HMACSHA256.HashData(master, Encoding.ASCII.GetBytes("occupancy/v1/door-key\nreader-front")), key);
        Assert.NotEqual(key, DoorKeys.Derive(master, "reader-back"));
    }

    [Theory]
    [InlineData("""{"door":"reader-front","nonce":"9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e","decision":"deny","unlockMs":5000,"exp":1767254405000,"sig":"e1477b3aba279a55f3c392ea04752ac1746fef55eb6412577b53cceb91509da8"}""", "deny must carry")]
    [InlineData("""{"door":"reader-front","nonce":"9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e","decision":"grant","unlockMs":10,"exp":1767254405000,"sig":"e1477b3aba279a55f3c392ea04752ac1746fef55eb6412577b53cceb91509da8"}""", "'unlockMs'")]
    [InlineData("""{"door":"reader-front","nonce":"9F3C2A7E5B1D4F6A8C0E2B4D6F8A1C3E","decision":"grant","unlockMs":0,"exp":1767254405000,"sig":"e1477b3aba279a55f3c392ea04752ac1746fef55eb6412577b53cceb91509da8"}""", "'nonce'")]
    [InlineData("""{"door":"reader-front","nonce":"9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e","decision":"open","unlockMs":0,"exp":1767254405000,"sig":"e1477b3aba279a55f3c392ea04752ac1746fef55eb6412577b53cceb91509da8"}""", "'decision'")]
    [InlineData("""{"door":"Reader","nonce":"9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e","decision":"grant","unlockMs":0,"exp":1767254405000,"sig":"e1477b3aba279a55f3c392ea04752ac1746fef55eb6412577b53cceb91509da8"}""", "'door'")]
    [InlineData("""{"door":"reader-front","nonce":"9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e","decision":"grant","unlockMs":0,"sig":"e1477b3aba279a55f3c392ea04752ac1746fef55eb6412577b53cceb91509da8"}""", "'exp'")]
    [InlineData("""{"door":"reader-front","nonce":"9f3c2a7e5b1d4f6a8c0e2b4d6f8a1c3e","decision":"grant","unlockMs":0,"exp":1767254405000,"sig":"e147"}""", "'sig'")]
    public void UnlockCommand_TryDecode_RefusesMalformedCommandsWithAReason(string payload, string reason)
    {
        Assert.False(UnlockCommand.TryDecode(payload, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
