using System;
using System.IO;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Json;

namespace Occupancy.Devices
{
    /// <summary>
    /// What the installer writes to the device's internal storage when provisioning it (never
    /// compiled in): a flat JSON file, read with the same parser the wire contract uses.
    /// <code>{"site":"hq","deviceId":"sensor-101","wifiSsid":"…","wifiPassword":"…","brokerHost":"10.0.0.2","brokerPort":1883,"secret":"…"}</code>
    /// <c>ntpServer</c> is optional.
    /// </summary>
    public sealed class Provisioning
    {
        public const string DefaultPath = "I:\\occupancy.json";

        private Provisioning(string site, string deviceId, string wifiSsid, string wifiPassword, string brokerHost, int brokerPort, string secret, string ntpServer)
        {
            Site = site;
            DeviceId = deviceId;
            WifiSsid = wifiSsid;
            WifiPassword = wifiPassword;
            BrokerHost = brokerHost;
            BrokerPort = brokerPort;
            Secret = secret;
            NtpServer = ntpServer;
        }

        public string Site { get; }

        public string DeviceId { get; }

        public string WifiSsid { get; }

        public string WifiPassword { get; }

        public string BrokerHost { get; }

        public int BrokerPort { get; }

        public string Secret { get; }

        /// <summary>Empty to keep the firmware's default time servers.</summary>
        public string NtpServer { get; }

        public static bool TryRead(string path, out Provisioning provisioning, out string error)
        {
            provisioning = null!;
            if (!File.Exists(path))
            {
                error = path + " is missing: provision the device (see firmware/README.md)";
                return false;
            }

            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(File.ReadAllText(path), out json, out error))
            {
                error = path + ": " + error;
                return false;
            }

            string site;
            string deviceId;
            string ssid;
            string wifiPassword;
            string host;
            long port;
            string secret;
            string ntp;
            if (!json.TryGetString("site", out site) || !Ids.IsValid(site)
                || !json.TryGetString("deviceId", out deviceId) || !Ids.IsValid(deviceId))
            {
                error = path + ": 'site' and 'deviceId' must be 1-32 of [a-z0-9-]";
                return false;
            }

            if (!json.TryGetString("wifiSsid", out ssid) || ssid.Length == 0 || !json.TryGetString("wifiPassword", out wifiPassword))
            {
                error = path + ": 'wifiSsid' and 'wifiPassword' are required";
                return false;
            }

            if (!json.TryGetString("brokerHost", out host) || host.Length == 0 || !json.TryGetLong("brokerPort", out port) || port < 1 || port > 65535)
            {
                error = path + ": 'brokerHost' and 'brokerPort' (1-65535) are required";
                return false;
            }

            if (!json.TryGetString("secret", out secret))
            {
                error = path + ": 'secret' is required (the device's MQTT password)";
                return false;
            }

            if (!json.TryGetString("ntpServer", out ntp))
            {
                ntp = string.Empty;
            }

            provisioning = new Provisioning(site, deviceId, ssid, wifiPassword, host, (int)port, secret, ntp);
            error = null!;
            return true;
        }
    }
}
