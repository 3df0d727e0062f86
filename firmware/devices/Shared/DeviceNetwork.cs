using System.Diagnostics;
using System.Threading;
using nanoFramework.Networking;

namespace Occupancy.Devices
{
    /// <summary>Wi-Fi and time: messages carry UTC timestamps, so nothing is sent before the clock is set.</summary>
    public static class DeviceNetwork
    {
        private const int AttemptTimeoutMs = 60000;
        private const int RetryDelayMs = 10000;

        /// <summary>Joins the provisioned Wi-Fi and waits for SNTP to set the clock; retries until it succeeds.</summary>
        public static void Connect(Provisioning provisioning)
        {
            if (provisioning.NtpServer.Length > 0)
            {
                Sntp.Server1 = provisioning.NtpServer;
            }

            Sntp.Start();
            while (true)
            {
                var timeout = new CancellationTokenSource(AttemptTimeoutMs);
                bool connected = WifiNetworkHelper.ConnectDhcp(
                    provisioning.WifiSsid,
                    provisioning.WifiPassword,
                    requiresDateTime: true,
                    token: timeout.Token);
                if (connected)
                {
                    return;
                }

                Debug.WriteLine("Wi-Fi or time not ready (status " + ((int)WifiNetworkHelper.Status).ToString() + "), retrying");
                Thread.Sleep(RetryDelayMs);
            }
        }
    }
}
