namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// A parsed device topic: <c>occupancy/v1/{site}/{kind}/{deviceId}/{channel}</c>.
    /// Topics are built and parsed here only, never by string splitting elsewhere.
    /// </summary>
    public sealed class DeviceTopic
    {
        public const string Root = "occupancy/v1";

        private const int MaxTopicLength = 160;

        public DeviceTopic(string site, string kind, string deviceId, string channel)
        {
            Site = site;
            Kind = kind;
            DeviceId = deviceId;
            Channel = channel;
        }

        public string Site { get; }

        public string Kind { get; }

        public string DeviceId { get; }

        public string Channel { get; }

        public static string Build(string site, string kind, string deviceId, string channel)
        {
            return Root + "/" + site + "/" + kind + "/" + deviceId + "/" + channel;
        }

        /// <summary>The topic filter an edge subscribes to for every device of a site.</summary>
        public static string SiteFilter(string site) => Root + "/" + site + "/#";

        public override string ToString() => Build(Site, Kind, DeviceId, Channel);

        /// <summary>Parses a topic; false for anything outside the contract (wrong root, bad id, unknown kind).</summary>
        public static bool TryParse(string topic, out DeviceTopic parsed)
        {
            parsed = null!;
            if (topic == null || topic.Length > MaxTopicLength || !topic.StartsWith(Root + "/"))
            {
                return false;
            }

            string rest = topic.Substring(Root.Length + 1);
            int siteEnd = rest.IndexOf('/');
            if (siteEnd <= 0)
            {
                return false;
            }

            int kindEnd = rest.IndexOf('/', siteEnd + 1);
            if (kindEnd <= siteEnd + 1)
            {
                return false;
            }

            int deviceEnd = rest.IndexOf('/', kindEnd + 1);
            if (deviceEnd <= kindEnd + 1 || deviceEnd == rest.Length - 1)
            {
                return false;
            }

            string site = rest.Substring(0, siteEnd);
            string kind = rest.Substring(siteEnd + 1, kindEnd - siteEnd - 1);
            string deviceId = rest.Substring(kindEnd + 1, deviceEnd - kindEnd - 1);
            string channel = rest.Substring(deviceEnd + 1);
            if (!Ids.IsValid(site) || !Ids.IsValid(deviceId) || !DeviceKinds.IsKnown(kind) || !IsValidChannel(channel))
            {
                return false;
            }

            parsed = new DeviceTopic(site, kind, deviceId, channel);
            return true;
        }

        private static bool IsValidChannel(string channel)
        {
            // Channels are one or two lower-case segments such as "state" or "evt/contact".
            int segments = 1;
            int segmentLength = 0;
            for (int i = 0; i < channel.Length; i++)
            {
                char c = channel[i];
                if (c == '/')
                {
                    if (segmentLength == 0)
                    {
                        return false;
                    }

                    segments++;
                    segmentLength = 0;
                    continue;
                }

                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok)
                {
                    return false;
                }

                segmentLength++;
            }

            return segmentLength > 0 && segments <= 2;
        }
    }
}
