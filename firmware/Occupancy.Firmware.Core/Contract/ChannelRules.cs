namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// Which kind of device may use which channel, in which direction, and whether the
    /// broker keeps the last message: the broker's topic checks and the device apps read it here.
    /// </summary>
    public static class ChannelRules
    {
        /// <summary>True when a device of <paramref name="kind"/> may publish on <paramref name="channel"/>.</summary>
        public static bool MayPublish(string kind, string channel)
        {
            if (channel == Channels.Status || channel == Channels.Health || channel == Channels.ConfigRejected)
            {
                return DeviceKinds.IsKnown(kind);
            }

            if (kind == DeviceKinds.Desk)
            {
                return channel == Channels.State;
            }

            if (kind == DeviceKinds.Door)
            {
                return channel == Channels.DoorContact
                    || channel == Channels.AccessRequest
                    || channel == Channels.AccessResult
                    || channel == Channels.CommandRejected
                    || channel == Channels.Alarm;
            }

            return false;
        }

        /// <summary>True when a device of <paramref name="kind"/> listens on <paramref name="channel"/> (the edge publishes there).</summary>
        public static bool MaySubscribe(string kind, string channel)
        {
            if (channel == Channels.Config)
            {
                return DeviceKinds.IsKnown(kind);
            }

            return kind == DeviceKinds.Door && channel == Channels.Unlock;
        }

        /// <summary>True for the channels whose last message the broker keeps: availability and configuration. Commands never.</summary>
        public static bool IsRetained(string channel) => channel == Channels.Status || channel == Channels.Config;

        /// <summary>The channels a device of <paramref name="kind"/> subscribes to after every connect.</summary>
        public static string[] Subscriptions(string kind)
        {
            return kind == DeviceKinds.Door ? new string[] { Channels.Config, Channels.Unlock } : new string[] { Channels.Config };
        }
    }
}
