using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Core.Tests.Contract;

public sealed class DeviceTopicTests
{
    [Theory]
    [InlineData("hq", DeviceKinds.Desk, "sensor-101", Channels.State, "occupancy/v1/hq/desk/sensor-101/state")]
    [InlineData("hq", DeviceKinds.Desk, "sensor-101", Channels.Status, "occupancy/v1/hq/desk/sensor-101/status")]
    [InlineData("site-2", DeviceKinds.Door, "reader-front", Channels.DoorContact, "occupancy/v1/site-2/door/reader-front/evt/contact")]
    [InlineData("a", DeviceKinds.Door, "0", "cmd/unlock", "occupancy/v1/a/door/0/cmd/unlock")]
    public void DeviceTopic_BuildThenTryParse_RoundTrips(string site, string kind, string deviceId, string channel, string expected)
    {
        string topic = DeviceTopic.Build(site, kind, deviceId, channel);

        Assert.Equal(expected, topic);
        Assert.True(DeviceTopic.TryParse(topic, out var parsed));
        Assert.Equal(site, parsed.Site);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(deviceId, parsed.DeviceId);
        Assert.Equal(channel, parsed.Channel);
        Assert.Equal(topic, parsed.ToString());
    }

    [Fact]
    public void DeviceTopic_LongestValidIds_Parse()
    {
        string id = new('a', Ids.MaxLength);
        string topic = DeviceTopic.Build(id, DeviceKinds.Desk, id, Channels.State);

        Assert.True(DeviceTopic.TryParse(topic, out var parsed));
        Assert.Equal(id, parsed.DeviceId);
    }

    [Fact]
    public void DeviceTopic_SiteFilter_CoversEveryTopicOfTheSite()
    {
        Assert.Equal("occupancy/v1/hq/#", DeviceTopic.SiteFilter("hq"));
    }

    public static TheoryData<string, string> Rejected => new()
    {
        { "wrong root", "occupancy/v2/hq/desk/sensor-101/state" },
        { "other application", "home/v1/hq/desk/sensor-101/state" },
        { "root only", "occupancy/v1" },
        { "upper-case site", "occupancy/v1/HQ/desk/sensor-101/state" },
        { "upper-case device", "occupancy/v1/hq/desk/Sensor-101/state" },
        { "upper-case kind", "occupancy/v1/hq/Desk/sensor-101/state" },
        { "upper-case channel", "occupancy/v1/hq/desk/sensor-101/State" },
        { "underscore in id", "occupancy/v1/hq/desk/sensor_101/state" },
        { "space in id", "occupancy/v1/hq/desk/sensor 101/state" },
        { "id longer than 32", "occupancy/v1/hq/desk/" + new string('a', 33) + "/state" },
        { "empty site", "occupancy/v1//desk/sensor-101/state" },
        { "empty kind", "occupancy/v1/hq//sensor-101/state" },
        { "empty device", "occupancy/v1/hq/desk//state" },
        { "empty channel", "occupancy/v1/hq/desk/sensor-101/" },
        { "empty channel segment", "occupancy/v1/hq/desk/sensor-101/evt//contact" },
        { "trailing slash", "occupancy/v1/hq/desk/sensor-101/state/" },
        { "no channel", "occupancy/v1/hq/desk/sensor-101" },
        { "unknown kind", "occupancy/v1/hq/lamp/sensor-101/state" },
        { "too many channel segments", "occupancy/v1/hq/door/reader-front/evt/contact/extra" },
        { "too long", "occupancy/v1/hq/desk/sensor-101/" + new string('a', 64) + "/" + new string('b', 64) },
        { "leading slash", "/occupancy/v1/hq/desk/sensor-101/state" },
        { "single-level wildcard device", "occupancy/v1/hq/desk/+/state" },
        { "single-level wildcard site", "occupancy/v1/+/desk/sensor-101/state" },
        { "multi-level wildcard", "occupancy/v1/hq/#" },
        { "wildcard channel", "occupancy/v1/hq/desk/sensor-101/#" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void DeviceTopic_TryParse_RejectsTopicsOutsideTheContract(string what, string topic)
    {
        Assert.False(DeviceTopic.TryParse(topic, out var parsed), what);
        Assert.Null(parsed);
    }

    [Fact]
    public void DeviceTopic_TryParse_RejectsNull()
    {
        Assert.False(DeviceTopic.TryParse(null!, out _));
    }
}
