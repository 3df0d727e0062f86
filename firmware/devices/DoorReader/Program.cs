using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Door;

namespace Occupancy.Devices.Door
{
    /// <summary>A door reader's contact: a reed switch on an ESP32, reporting each open and close over MQTT.</summary>
    public class Program
    {
        // Wiring (firmware/README.md): reed switch between GPIO 5 and GND; the internal pull-up makes an open door read high.
        private const int ContactPin = 5;
        private const int PollIntervalMs = 50;

        public static void Main()
        {
            Provisioning provisioning;
            string error;
            if (!Provisioning.TryRead(Provisioning.DefaultPath, out provisioning, out error))
            {
                // An unprovisioned device must not guess who it is.
                Debug.WriteLine(error);
                Thread.Sleep(Timeout.Infinite);
            }

            DeviceNetwork.Connect(provisioning);

            var identity = new DeviceIdentity(provisioning.Site, DeviceKinds.Door, provisioning.DeviceId, FirmwareInfo.Version);
            var clock = new DeviceClock();
            var sequences = new SequenceStore(SequenceStore.DefaultPath);
            SequenceCounter sequence = sequences.Start();
            var link = new M2MqttLink(provisioning, identity.Topic(Channels.Status));
            var contact = new GpioDigitalInput(new GpioController(), ContactPin, PinMode.InputPullUp);
            var monitor = new DoorContactMonitor(identity, contact, clock, link, sequence);

            while (true)
            {
                if (link.TryConnect(clock.UptimeMs))
                {
                    monitor.OnConnected();
                }

                monitor.Poll();
                sequences.Renew(sequence);
                Thread.Sleep(PollIntervalMs);
            }
        }
    }
}
