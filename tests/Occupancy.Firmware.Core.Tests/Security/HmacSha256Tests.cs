using System.Text;
using Occupancy.Firmware.Security;

namespace Occupancy.Firmware.Core.Tests.Security;

public sealed class HmacSha256Tests
{
    // RFC 4231 test cases 1-4, 6 and 7 (case 5 tests truncated output, which the contract does not use).
    public static TheoryData<string, string, string> Rfc4231 => new()
    {
        { "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Hex.Encode(Encoding.ASCII.GetBytes("Hi There")), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Hex.Encode(Encoding.ASCII.GetBytes("Jefe")), Hex.Encode(Encoding.ASCII.GetBytes("what do ya want for nothing?")), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { new string('a', 40), new string('d', 100), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", string.Concat(Enumerable.Repeat("cd", 50)), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { new string('a', 262), Hex.Encode(Encoding.ASCII.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First")), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            new string('a', 262),
            Hex.Encode(Encoding.ASCII.GetBytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void HmacSha256_OfTheRfc4231Cases_GivesTheirMacs(string keyHex, string dataHex, string mac)
    {
        Assert.Equal(mac, Hex.Encode(HmacSha256.Compute(Convert.FromHexString(keyHex), Convert.FromHexString(dataHex))));
    }

    [Fact]
    public void HmacSha256_ForKeysAndMessagesOfManyLengths_MatchesDotNet()
    {
        var random = new Random(3);
        foreach (int keyLength in new[] { 0, 1, 16, 31, 32, 33, 63, 64, 65, 100, 200 })
        {
            foreach (int messageLength in new[] { 0, 1, 55, 56, 64, 119, 120, 500 })
            {
                var key = new byte[keyLength];
                var message = new byte[messageLength];
                random.NextBytes(key);
                random.NextBytes(message);

                Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, message), HmacSha256.Compute(key, message));
            }
        }
    }

    [Fact]
    public void FixedTimeEquals_TellsEqualFromDifferentMacs()
    {
        var mac = Convert.FromHexString("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        var other = (byte[])mac.Clone();
        other[31] ^= 1;

        Assert.True(HmacSha256.FixedTimeEquals(mac, (byte[])mac.Clone()));
        Assert.False(HmacSha256.FixedTimeEquals(mac, other));
        Assert.False(HmacSha256.FixedTimeEquals(mac, mac[..31]));
    }

    [Theory]
    [InlineData("00ff10Ab", true)]
    [InlineData("0", false)]
    [InlineData("zz", false)]
    [InlineData("", true)]
    public void Hex_TryDecode_AcceptsEvenLengthHexOfEitherCase(string text, bool valid)
    {
        Assert.Equal(valid, Hex.TryDecode(text, out var bytes));
        if (valid)
        {
            Assert.Equal(text.ToLowerInvariant(), Hex.Encode(bytes));
        }
    }
}
