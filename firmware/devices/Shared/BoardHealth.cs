using System.Device.Wifi;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>
    /// The heartbeat's measurements. RSSI: the signal of the provisioned network in the Wi-Fi
    /// adapter's last scan (a scan is started at each reading, so the next heartbeat has a fresh
    /// value). Supply: the reference boards run from USB and do not measure it, so the heartbeat
    /// leaves it out; a battery board reads its divider here (System.Device.Adc).
    /// </summary>
    public sealed class BoardHealth : IBoardHealth
    {
        private readonly string _ssid;
        private readonly WifiAdapter? _wifi;

        public BoardHealth(string ssid)
        {
            _ssid = ssid;
            WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
            _wifi = adapters.Length > 0 ? adapters[0] : null;
        }

        public bool TryReadRssi(out int dbm)
        {
            dbm = 0;
            if (_wifi == null)
            {
                return false;
            }

            bool found = false;
            WifiAvailableNetwork[] networks = _wifi.NetworkReport.AvailableNetworks;
            for (int i = 0; i < networks.Length; i++)
            {
                // The report's SSID is a fixed 33-byte field: cut it at the first NUL.
                string ssid = networks[i].Ssid;
                int end = ssid.IndexOf('\0');
                if ((end >= 0 ? ssid.Substring(0, end) : ssid) == _ssid)
                {
                    dbm = (int)networks[i].NetworkRssiInDecibelMilliwatts;
                    found = true;
                    break;
                }
            }

            try
            {
                _wifi.ScanAsync();
            }
            catch (System.Exception ex)
            {
                // Busy connecting or scanning already: the next heartbeat tries again.
                System.Diagnostics.Debug.WriteLine("Wi-Fi scan not started: " + ex.Message);
            }

            return found;
        }

        public bool TryReadSupplyMillivolts(out int millivolts)
        {
            millivolts = 0;
            return false;
        }
    }
}
