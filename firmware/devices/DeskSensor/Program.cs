using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Presence;

namespace Occupancy.Devices.Desk
{
    /// <summary>
    /// A desk sensor on an ESP32: an HC-SR501 PIR on a GPIO, or an LD2410 mmWave radar on a UART,
    /// reporting the desk's occupancy over MQTT. All decisions are the core's <see cref="DeskSensor"/>.
    /// </summary>
    public class Program
    {
        // Wiring (firmware/README.md): HC-SR501 OUT to GPIO 4 (no pull: the PIR drives the line);
        // or LD2410 TX to GPIO 16 (COM2 RX) and RX to GPIO 17 (COM2 TX), 256000 baud.
        private const int PirPin = 4;
        private const int RadarRxPin = 16;
        private const int RadarTxPin = 17;
        private const int RadarBaud = 256000;
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
            var random = new HardwareRandom();
            var sequence = new SequenceCounter(new FlashSequenceStore(FlashSequenceStore.DefaultPath), SequenceCounter.DefaultBlockSize);
            var link = new M2MqttLink(provisioning, identity.Topic(Channels.Status), identity.SubscriptionTopics(), random);
            var runtime = new DeviceRuntime(identity, clock, link, sequence, new BoardHealth(provisioning.WifiSsid), DeviceRuntime.DefaultQueueCapacity);
            var sensor = new DeskSensor(runtime, new DeskSensorOptions(), OpenPresenceInput(provisioning.Presence));

            while (true)
            {
                if (link.TryConnect(clock.UptimeMs))
                {
                    sensor.OnConnected();
                }

                string topic;
                string payload;
                bool retained;
                while (link.TryTakeMessage(out topic, out payload, out retained))
                {
                    sensor.OnMessage(topic, payload, retained);
                }

                sensor.Poll();
                Thread.Sleep(PollIntervalMs);
            }
        }

        private static IDigitalInput OpenPresenceInput(string presence)
        {
            if (presence == "ld2410")
            {
                Configuration.SetPinFunction(RadarRxPin, DeviceFunction.COM2_RX);
                Configuration.SetPinFunction(RadarTxPin, DeviceFunction.COM2_TX);
                return new Ld2410PresenceInput(new SerialByteStream("COM2", RadarBaud));
            }

            return new GpioDigitalInput(new GpioController(), PirPin, PinMode.Input);
        }
    }
}
