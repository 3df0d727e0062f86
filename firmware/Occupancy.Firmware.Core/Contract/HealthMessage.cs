using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// The heartbeat on <c>.../evt/health</c>, sent after every connect and then every
    /// <see cref="HeartbeatMs"/>: <c>{"uptimeS":3600,"rssiDbm":-61,"supplyMv":3300,"reconnects":1,"dropped":0,"queued":0,"heartbeatMs":300000,"configRev":2,"rejected":0,"seq":..,"ts":..,"fw":".."}</c>.
    /// <c>rssiDbm</c> and <c>supplyMv</c> are left out when the board cannot measure them.
    /// </summary>
    public sealed class HealthMessage
    {
        /// <summary>Stands for "not measured" in <see cref="RssiDbm"/> and <see cref="SupplyMv"/>; never on the wire.</summary>
        public const int NotMeasured = int.MinValue;

        public const string UptimeField = "uptimeS";
        public const string RssiField = "rssiDbm";
        public const string SupplyField = "supplyMv";
        public const string ReconnectsField = "reconnects";
        public const string DroppedField = "dropped";
        public const string QueuedField = "queued";
        public const string HeartbeatField = "heartbeatMs";
        public const string ConfigRevField = "configRev";
        public const string RejectedField = "rejected";

        public HealthMessage(
            long uptimeS,
            int rssiDbm,
            int supplyMv,
            long reconnects,
            long dropped,
            long queued,
            long heartbeatMs,
            long configRev,
            long rejected,
            MessageHeader header)
        {
            UptimeS = uptimeS;
            RssiDbm = rssiDbm;
            SupplyMv = supplyMv;
            Reconnects = reconnects;
            Dropped = dropped;
            Queued = queued;
            HeartbeatMs = heartbeatMs;
            ConfigRev = configRev;
            Rejected = rejected;
            Header = header;
        }

        /// <summary>Seconds since the device booted.</summary>
        public long UptimeS { get; }

        /// <summary>Wi-Fi signal in dBm, or <see cref="NotMeasured"/>.</summary>
        public int RssiDbm { get; }

        /// <summary>Battery/supply voltage in mV, or <see cref="NotMeasured"/>.</summary>
        public int SupplyMv { get; }

        /// <summary>Connections made after the first one, since boot.</summary>
        public long Reconnects { get; }

        /// <summary>Messages dropped because the offline queue was full, since boot.</summary>
        public long Dropped { get; }

        /// <summary>Messages waiting in the offline queue when this was written.</summary>
        public long Queued { get; }

        /// <summary>The heartbeat interval: the edge calls a device silent after 2.5 of them.</summary>
        public long HeartbeatMs { get; }

        /// <summary>The <c>rev</c> of the configuration in force; 0 for the firmware defaults.</summary>
        public long ConfigRev { get; }

        /// <summary>Configurations and commands the device rejected, since boot.</summary>
        public long Rejected { get; }

        public MessageHeader Header { get; }

        public bool HasRssi => RssiDbm != NotMeasured;

        public bool HasSupply => SupplyMv != NotMeasured;

        public string Encode()
        {
            var writer = new JsonObjectWriter().Add(UptimeField, UptimeS);
            if (HasRssi)
            {
                writer.Add(RssiField, RssiDbm);
            }

            if (HasSupply)
            {
                writer.Add(SupplyField, SupplyMv);
            }

            writer.Add(ReconnectsField, Reconnects)
                .Add(DroppedField, Dropped)
                .Add(QueuedField, Queued)
                .Add(HeartbeatField, HeartbeatMs)
                .Add(ConfigRevField, ConfigRev)
                .Add(RejectedField, Rejected);
            Header.WriteTo(writer);
            return writer.ToString();
        }

        public static bool TryDecode(string payload, out HealthMessage message, out string error)
        {
            message = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            var fields = new FieldReader(json);
            long uptime = fields.Required(UptimeField, 0, long.MaxValue);
            long rssi = fields.Optional(RssiField, -150, 20, NotMeasured);
            long supply = fields.Optional(SupplyField, 0, 100000, NotMeasured);
            long reconnects = fields.Required(ReconnectsField, 0, long.MaxValue);
            long dropped = fields.Required(DroppedField, 0, long.MaxValue);
            long queued = fields.Required(QueuedField, 0, long.MaxValue);
            long heartbeat = fields.Required(HeartbeatField, 1, long.MaxValue);
            long configRev = fields.Required(ConfigRevField, 0, long.MaxValue);
            long rejected = fields.Required(RejectedField, 0, long.MaxValue);
            MessageHeader header;
            if (fields.Failed || !MessageHeader.TryRead(json, out header, out error))
            {
                error = fields.Failed ? fields.Error : error;
                return false;
            }

            message = new HealthMessage(uptime, (int)rssi, (int)supply, reconnects, dropped, queued, heartbeat, configRev, rejected, header);
            return true;
        }
    }
}
