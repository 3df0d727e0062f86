using System.Text;
using Occupancy.Firmware.Security;

namespace Occupancy.Firmware.Core.Tests.Security;

public sealed class Sha256Tests
{
    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional") and the classic million 'a'.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void Sha256_OfTheFipsExamples_GivesTheirDigests(string message, string digest)
    {
        Assert.Equal(digest, Hex.Encode(Sha256.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Sha256_OfAMillionAs_GivesItsDigest()
    {
        var sha = new Sha256();
        var chunk = Encoding.ASCII.GetBytes(new string('a', 1000));
        for (int i = 0; i < 1000; i++)
        {
            sha.Append(chunk, 0, chunk.Length);
        }

        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex.Encode(sha.Finish()));
    }

    [Fact]
    public void Sha256_OfEveryLengthAroundTheBlockBoundaries_MatchesDotNet()
    {
        var random = new Random(42);
        for (int length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.Hash(data));
        }
    }

    [Fact]
    public void Sha256_FedInUnevenPieces_GivesTheSameDigestAsInOneGo()
    {
        var random = new Random(7);
        var data = new byte[1000];
        random.NextBytes(data);
        var sha = new Sha256();
        int offset = 0;
        foreach (int piece in new[] { 1, 63, 64, 65, 0, 127, 200, 3 })
        {
            sha.Append(data, offset, piece);
            offset += piece;
        }

        sha.Append(data, offset, data.Length - offset);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), sha.Finish());
    }

    [Fact]
    public void Sha256_AfterFinish_StartsAFreshMessage()
    {
        var sha = new Sha256();
        sha.Append(Encoding.ASCII.GetBytes("first"), 0, 5);
        sha.Finish();
        sha.Append(Encoding.ASCII.GetBytes("abc"), 0, 3);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.Encode(sha.Finish()));
    }
}
