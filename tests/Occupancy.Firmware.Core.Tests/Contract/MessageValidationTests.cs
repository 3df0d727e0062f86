using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

/// <summary>The new messages refuse what breaks their rules, with a reason, as the edge needs.</summary>
public sealed class MessageValidationTests
{
    private const string Header = "\"seq\":1,\"ts\":1767254400000,\"fw\":\"1.0.0\"";
    private const string Nonce = ContractSamples.Nonce;

    [Theory]
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"credType\":\"card\",\"cred\":\"04A1B2C3\"," + Header + "}", "'credType'")] // upper-case UID
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"credType\":\"card\",\"cred\":\"04a1b2\"," + Header + "}", "'credType'")] // 3 bytes
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"credType\":\"code\",\"cred\":\"has space\"," + Header + "}", "'credType'")]
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"credType\":\"pin\",\"cred\":\"1234\"," + Header + "}", "'credType'")]
    [InlineData("{\"nonce\":\"abc\",\"credType\":\"card\",\"cred\":\"04a1b2c3\"," + Header + "}", "'nonce'")]
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"credType\":\"card\",\"cred\":\"04a1b2c3\",\"seq\":1}", "'ts'")]
    public void AccessRequest_TryDecode_RefusesWithAReason(string payload, string reason)
    {
        Assert.False(AccessRequestMessage.TryDecode(payload, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"result\":\"granted\",\"unlocked\":true," + Header + "}", "'nonce'")]
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"result\":\"exit\",\"unlocked\":true," + Header + "}", "no 'nonce'")]
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"result\":\"opened\",\"unlocked\":true," + Header + "}", "'result'")]
    [InlineData("{\"nonce\":\"" + Nonce + "\",\"result\":\"denied\",\"unlocked\":\"no\"," + Header + "}", "'unlocked'")]
    public void AccessResult_TryDecode_RefusesWithAReason(string payload, string reason)
    {
        Assert.False(AccessResultMessage.TryDecode(payload, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"alarm\":\"fire\",\"active\":true,\"openMs\":0," + Header + "}", "'alarm'")]
    [InlineData("{\"alarm\":\"forced\",\"openMs\":0," + Header + "}", "'active'")]
    [InlineData("{\"alarm\":\"forced\",\"active\":true,\"openMs\":-5," + Header + "}", "'openMs'")]
    public void Alarm_TryDecode_RefusesWithAReason(string payload, string reason)
    {
        Assert.False(AlarmMessage.TryDecode(payload, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"reconnects\":0,\"dropped\":0,\"queued\":0,\"heartbeatMs\":300000,\"configRev\":0,\"rejected\":0," + Header + "}", "'uptimeS'")]
    [InlineData("{\"uptimeS\":1,\"rssiDbm\":-500,\"reconnects\":0,\"dropped\":0,\"queued\":0,\"heartbeatMs\":300000,\"configRev\":0,\"rejected\":0," + Header + "}", "'rssiDbm'")]
    [InlineData("{\"uptimeS\":1,\"reconnects\":0,\"dropped\":0,\"queued\":0,\"heartbeatMs\":0,\"configRev\":0,\"rejected\":0," + Header + "}", "'heartbeatMs'")]
    public void Health_TryDecode_RefusesWithAReason(string payload, string reason)
    {
        Assert.False(HealthMessage.TryDecode(payload, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"rev\":1,\"unlockMs\":500}", DoorConfigMessage.UnlockField, RejectionReasons.OutOfRange)]
    [InlineData("{\"rev\":1,\"failSafe\":1}", DoorConfigMessage.FailSafeField, RejectionReasons.WrongType)]
    [InlineData("{\"rev\":1,\"unlockMs\":20000,\"heldOpenMs\":15000}", DoorConfigMessage.HeldOpenField, RejectionReasons.Inconsistent)]
    [InlineData("{\"rev\":0}", ConfigFields.Rev, RejectionReasons.OutOfRange)]
    [InlineData("{\"rev\":1,\"decisionTimeoutMs\":60000}", DoorConfigMessage.DecisionTimeoutField, RejectionReasons.OutOfRange)]
    public void DoorConfig_TryDecode_NamesTheFieldAndReason(string payload, string field, string reason)
    {
        Assert.False(DoorConfigMessage.TryDecode(payload, out _, out var rejection));
        Assert.Equal((field, reason), (rejection.Field, rejection.Reason));
    }

    [Fact]
    public void DoorConfig_TryDecode_LeavesOutFieldsAtTheirDefaults()
    {
        Assert.True(DoorConfigMessage.TryDecode("{\"rev\":2,\"failSafe\":true,\"futureField\":\"ignored\"}", out var config, out _));

        Assert.Equal((2L, DoorConfigMessage.DefaultUnlockMs, DoorConfigMessage.DefaultDecisionTimeoutMs, DoorConfigMessage.DefaultHeldOpenMs, true, ConfigFields.DefaultHeartbeatMs),
            (config.Rev, config.UnlockMs, config.DecisionTimeoutMs, config.HeldOpenMs, config.FailSafe, config.HeartbeatMs));
    }
}
