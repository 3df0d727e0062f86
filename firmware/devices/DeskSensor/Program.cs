using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices.Desk
{
    /// <summary>A desk sensor: an HC-SR501 PIR on an ESP32, reporting the desk's occupancy over MQTT.</summary>
    public class Program
    {
        // Wiring (firmware/README.md): HC-SR501 OUT to GPIO 4. The PIR drives the line, so no pull resistor.
        private const int PirPin = 4;
        private const int PollIntervalMs = 100;

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

            var identity = new DeviceIdentity(provisioning.Site, DeviceKinds.Desk, provisioning.DeviceId, FirmwareInfo.Version);
            var clock = new DeviceClock();
            var sequences = new SequenceStore(SequenceStore.DefaultPath);
            SequenceCounter sequence = sequences.Start();
            var link = new M2MqttLink(provisioning, identity.Topic(Channels.Status));
            var pir = new GpioDigitalInput(new GpioController(), PirPin, PinMode.Input);
            var sensor = new DeskSensor(identity, new DeskSensorOptions(), pir, clock, link, sequence);

            while (true)
            {
                if (link.TryConnect(clock.UptimeMs))
                {
                    sensor.OnConnected();
                }

                sensor.Poll();
                sequences.Renew(sequence);
                Thread.Sleep(PollIntervalMs);
            }
        }
    }
}
