using System.IO;
using System.Security.Cryptography.X509Certificates;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Json;

namespace Occupancy.Devices
{
    /// <summary>
    /// What the installer writes to the device's internal storage when provisioning it (never
    /// compiled in): a flat JSON file, read with the same parser the wire contract uses. See
    /// firmware/README.md for every field.
    /// </summary>
    public sealed class Provisioning
    {
        public const string DefaultPath = "I:\\occupancy.json";

        public string Site { get; private set; } = string.Empty;

        public string DeviceId { get; private set; } = string.Empty;

        public string WifiSsid { get; private set; } = string.Empty;

        public string WifiPassword { get; private set; } = string.Empty;

        public string BrokerHost { get; private set; } = string.Empty;

        public int BrokerPort { get; private set; }

        /// <summary>The broker's CA certificate, when <c>brokerCa</c> names one: the device then talks TLS.</summary>
        public X509Certificate? BrokerCaCertificate { get; private set; }

        /// <summary>The device's MQTT password.</summary>
        public string Secret { get; private set; } = string.Empty;

        /// <summary>Empty to keep the firmware's default time servers.</summary>
        public string NtpServer { get; private set; } = string.Empty;

        /// <summary>Door readers: the key unlock commands are verified with; null on desks.</summary>
        public byte[]? DoorKey { get; private set; }

        /// <summary>Desk sensors: <c>pir</c> (HC-SR501, default) or <c>ld2410</c> (mmWave on UART).</summary>
        public string Presence { get; private set; } = "pir";

        /// <summary>Door readers: a QR scanner for phone codes on the second UART.</summary>
        public bool CodeScanner { get; private set; }

        public static bool TryRead(string path, out Provisioning provisioning, out string error)
        {
            provisioning = new Provisioning();
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

            error = provisioning.Read(json);
            if (error != null)
            {
                error = path + ": " + error;
                return false;
            }

            return true;
        }

        private string Read(FlatJsonObject json)
        {
            string text;
            long number;
            if (!json.TryGetString("site", out text) || !Ids.IsValid(text))
            {
                return "'site' must be 1-32 of [a-z0-9-]";
            }

            Site = text;
            if (!json.TryGetString("deviceId", out text) || !Ids.IsValid(text))
            {
                return "'deviceId' must be 1-32 of [a-z0-9-]";
            }

            DeviceId = text;
            if (!json.TryGetString("wifiSsid", out text) || text.Length == 0)
            {
                return "'wifiSsid' is required";
            }

            WifiSsid = text;
            WifiPassword = json.TryGetString("wifiPassword", out text) ? text : string.Empty;
            if (!json.TryGetString("brokerHost", out text) || text.Length == 0 || !json.TryGetLong("brokerPort", out number) || number < 1 || number > 65535)
            {
                return "'brokerHost' and 'brokerPort' (1-65535) are required";
            }

            BrokerHost = text;
            BrokerPort = (int)number;
            if (json.TryGetString("brokerCa", out text))
            {
                if (!File.Exists(text))
                {
                    return "'brokerCa' names " + text + ", which is missing";
                }

                BrokerCaCertificate = new X509Certificate(File.ReadAllBytes(text));
            }

            if (!json.TryGetString("secret", out text) || text.Length == 0)
            {
                return "'secret' is required (the device's MQTT password)";
            }

            Secret = text;
            NtpServer = json.TryGetString("ntpServer", out text) ? text : string.Empty;
            if (json.TryGetString("doorKey", out text))
            {
                byte[] key;
                if (!DoorKeys.TryParse(text, out key))
                {
                    return "'doorKey' must be at least 32 hex digits (64 recommended)";
                }

                DoorKey = key;
            }

            if (json.TryGetString("presence", out text))
            {
                if (text != "pir" && text != "ld2410")
                {
                    return "'presence' must be \"pir\" or \"ld2410\"";
                }

                Presence = text;
            }

            bool scanner;
            if (json.TryGetBool("codeScanner", out scanner))
            {
                CodeScanner = scanner;
            }

            return null!;
        }
    }
}
