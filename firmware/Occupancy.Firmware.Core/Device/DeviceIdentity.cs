using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Device
{
    /// <summary>Who a device is, from the provisioning data written when it was flashed.</summary>
    public sealed class DeviceIdentity
    {
        public DeviceIdentity(string site, string kind, string deviceId, string firmware)
        {
            if (!Ids.IsValid(site) || !Ids.IsValid(deviceId) || !DeviceKinds.IsKnown(kind))
            {
                throw new System.ArgumentException("site and device id must be 1-32 of [a-z0-9-], kind desk or door");
            }

            Site = site;
            Kind = kind;
            DeviceId = deviceId;
            Firmware = firmware;
        }

        public string Site { get; }

        public string Kind { get; }

        public string DeviceId { get; }

        public string Firmware { get; }

        public string Topic(string channel) => DeviceTopic.Build(Site, Kind, DeviceId, channel);

        /// <summary>The topics the device subscribes to after every connect (its config, and a door's commands).</summary>
        public string[] SubscriptionTopics()
        {
            string[] channels = ChannelRules.Subscriptions(Kind);
            string[] topics = new string[channels.Length];
            for (int i = 0; i < channels.Length; i++)
            {
                topics[i] = Topic(channels[i]);
            }

            return topics;
        }
    }
}
