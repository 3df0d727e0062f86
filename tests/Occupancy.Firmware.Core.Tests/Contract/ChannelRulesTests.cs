using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

public sealed class ChannelRulesTests
{
    [Theory]
    [InlineData(DeviceKinds.Desk, Channels.State, true)]
    [InlineData(DeviceKinds.Desk, Channels.Health, true)]
    [InlineData(DeviceKinds.Desk, Channels.ConfigRejected, true)]
    [InlineData(DeviceKinds.Desk, Channels.AccessRequest, false)]
    [InlineData(DeviceKinds.Desk, Channels.Unlock, false)]
    [InlineData(DeviceKinds.Desk, Channels.Config, false)]
    [InlineData(DeviceKinds.Door, Channels.DoorContact, true)]
    [InlineData(DeviceKinds.Door, Channels.AccessRequest, true)]
    [InlineData(DeviceKinds.Door, Channels.AccessResult, true)]
    [InlineData(DeviceKinds.Door, Channels.CommandRejected, true)]
    [InlineData(DeviceKinds.Door, Channels.Alarm, true)]
    [InlineData(DeviceKinds.Door, Channels.Status, true)]
    [InlineData(DeviceKinds.Door, Channels.State, false)]
    [InlineData(DeviceKinds.Door, Channels.Unlock, false)]
    [InlineData("printer", Channels.Status, false)]
    public void MayPublish_AllowsEachKindOnlyItsOwnMessages(string kind, string channel, bool allowed)
    {
        Assert.Equal(allowed, ChannelRules.MayPublish(kind, channel));
    }

    [Theory]
    [InlineData(DeviceKinds.Desk, Channels.Config, true)]
    [InlineData(DeviceKinds.Door, Channels.Config, true)]
    [InlineData(DeviceKinds.Door, Channels.Unlock, true)]
    [InlineData(DeviceKinds.Desk, Channels.Unlock, false)]
    [InlineData(DeviceKinds.Door, Channels.State, false)]
    public void MaySubscribe_AllowsOnlyTheEdgesChannelsForTheKind(string kind, string channel, bool allowed)
    {
        Assert.Equal(allowed, ChannelRules.MaySubscribe(kind, channel));
    }

    [Fact]
    public void IsRetained_HoldsForStatusAndConfigOnlyNeverForCommands()
    {
        Assert.True(ChannelRules.IsRetained(Channels.Status));
        Assert.True(ChannelRules.IsRetained(Channels.Config));
        Assert.False(ChannelRules.IsRetained(Channels.Unlock));
        Assert.False(ChannelRules.IsRetained(Channels.State));
    }

    [Fact]
    public void EveryChannel_FitsTheTopicGrammar()
    {
        foreach (var channel in new[] { Channels.Status, Channels.State, Channels.DoorContact, Channels.Health, Channels.ConfigRejected, Channels.AccessRequest, Channels.AccessResult, Channels.CommandRejected, Channels.Alarm, Channels.Config, Channels.Unlock })
        {
            Assert.True(DeviceTopic.TryParse(DeviceTopic.Build("hq", DeviceKinds.Door, "reader-front", channel), out var parsed), channel);
            Assert.Equal(channel, parsed.Channel);
        }
    }
}
