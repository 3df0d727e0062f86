using Microsoft.Extensions.Options;
using Occupancy.Server.Authentication;

namespace Occupancy.Server.Tests.Authentication;

public sealed class SiteKeyVerifierTests
{
    private static SiteKeyVerifier Verifier(params (string Site, string Key)[] keys)
    {
        var options = new EdgeKeysOptions();
        foreach (var (site, key) in keys)
        {
            options.Keys[site] = key;
        }

        return new SiteKeyVerifier(new StaticOptionsMonitor(options));
    }

    [Fact]
    public void FindSite_KeyOfASite_ReturnsThatSite()
    {
        var verifier = Verifier(("hq", "key-hq"), ("pier", "key-pier"));

        Assert.Equal("pier", verifier.FindSite("key-pier"));
        Assert.Equal("hq", verifier.FindSite("key-hq"));
    }

    [Theory]
    [InlineData("key-hq ")]
    [InlineData("KEY-HQ")]
    [InlineData("key-h")]
    [InlineData("")]
    public void FindSite_AnyOtherKey_ReturnsNull(string presented)
    {
        Assert.Null(Verifier(("hq", "key-hq")).FindSite(presented));
    }

    [Fact]
    public void Validator_SharedKeyOrBadSiteId_FailsWithReasons()
    {
        var options = new EdgeKeysOptions();
        options.Keys["hq"] = "same";
        options.Keys["pier"] = "same";
        options.Keys["Bad Site"] = "other";

        var result = new EdgeKeysOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("share one key"));
        Assert.Contains(result.Failures!, f => f.Contains("'Bad Site' is not a site id"));
    }

    private sealed class StaticOptionsMonitor(EdgeKeysOptions value) : IOptionsMonitor<EdgeKeysOptions>
    {
        public EdgeKeysOptions CurrentValue => value;

        public EdgeKeysOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<EdgeKeysOptions, string?> listener) => null;
    }
}
