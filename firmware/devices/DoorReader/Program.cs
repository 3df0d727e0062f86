using System.Device.Gpio;
using System.Device.Spi;
using System.Diagnostics;
using System.Threading;
using Iot.Device.Mfrc522;
using nanoFramework.Hardware.Esp32;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Door;

namespace Occupancy.Devices.Door
{
    /// <summary>
    /// A door reader on an ESP32: MFRC522 card reader (and optionally a QR scanner for phone codes),
    /// lock relay, green and red LEDs, buzzer, door contact and exit button. All decisions — signed
    /// commands, fail-secure, alarms — are the core's <see cref="DoorReader"/>.
    /// </summary>
    public class Program
    {
        // Wiring (firmware/README.md).
        private const int ContactPin = 27;      // reed switch to GND, internal pull-up: open door reads high
        private const int ExitButtonPin = 14;   // request-to-exit button to GND, internal pull-up: pressed reads low
        private const int RelayPin = 26;        // relay module IN: high releases the lock
        private const int GreenLedPin = 25;
        private const int RedLedPin = 33;
        private const int BuzzerPin = 32;       // active buzzer through a transistor
        private const int SpiClockPin = 18;
        private const int SpiMisoPin = 19;
        private const int SpiMosiPin = 23;
        private const int ReaderSelectPin = 5;  // MFRC522 SDA
        private const int ReaderResetPin = 22;  // MFRC522 RST
        private const int ScannerRxPin = 16;    // QR scanner TX
        private const int ScannerTxPin = 17;    // QR scanner RX
        private const int ScannerBaud = 9600;
        private const int PollIntervalMs = 50;

        public static void Main()
        {
            Provisioning provisioning;
            string error;
            if (!Provisioning.TryRead(Provisioning.DefaultPath, out provisioning, out error) || provisioning.DoorKey == null)
            {
                // Without its key the reader could never verify a command: it must not run at all.
                Debug.WriteLine(error ?? "'doorKey' is required on a door reader (see firmware/README.md)");
                Thread.Sleep(Timeout.Infinite);
            }

            var gpio = new GpioController();

            // The lock first: whatever happens next, the door starts locked.
            var relay = new GpioDigitalOutput(gpio, RelayPin);
            relay.Write(false);

            DeviceNetwork.Connect(provisioning);

            var identity = new DeviceIdentity(provisioning.Site, DeviceKinds.Door, provisioning.DeviceId, FirmwareInfo.Version);
            var clock = new DeviceClock();
            var random = new HardwareRandom();
            var sequence = new SequenceCounter(new FlashSequenceStore(FlashSequenceStore.DefaultPath), SequenceCounter.DefaultBlockSize);
            var link = new M2MqttLink(provisioning, identity.Topic(Channels.Status), identity.SubscriptionTopics(), random);
            var runtime = new DeviceRuntime(identity, clock, link, sequence, new BoardHealth(provisioning.WifiSsid), DeviceRuntime.DefaultQueueCapacity);
            var hardware = new DoorHardware(
                new GpioDigitalInput(gpio, ContactPin, PinMode.InputPullUp),
                OpenCardReader(gpio, provisioning.CodeScanner),
                relay,
                new GpioDigitalOutput(gpio, GreenLedPin),
                new GpioDigitalOutput(gpio, RedLedPin),
                new GpioDigitalOutput(gpio, BuzzerPin),
                new InvertedInput(new GpioDigitalInput(gpio, ExitButtonPin, PinMode.InputPullUp)));
            var reader = new DoorReader(runtime, new DoorReaderOptions(), hardware, new CommandSigner(provisioning.DoorKey!), random);

            while (true)
            {
                if (link.TryConnect(clock.UptimeMs))
                {
                    reader.OnConnected();
                }

                string topic;
                string payload;
                bool retained;
                while (link.TryTakeMessage(out topic, out payload, out retained))
                {
                    reader.OnMessage(topic, payload, retained);
                }

                reader.Poll();
                Thread.Sleep(PollIntervalMs);
            }
        }

        private static ICardReader OpenCardReader(GpioController gpio, bool withCodeScanner)
        {
            Configuration.SetPinFunction(SpiMisoPin, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(SpiMosiPin, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(SpiClockPin, DeviceFunction.SPI1_CLOCK);
            var spi = SpiDevice.Create(new SpiConnectionSettings(1, ReaderSelectPin) { ClockFrequency = 5_000_000 });
            ICardReader cards = new Mfrc522CardReader(new MfRc522(spi, ReaderResetPin, gpio, false));
            if (!withCodeScanner)
            {
                return cards;
            }

            Configuration.SetPinFunction(ScannerRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(ScannerTxPin, DeviceFunction.COM2_TX);
            return new EitherCardReader(cards, new ScannedCodeReader(new SerialByteStream("COM2", ScannerBaud)));
        }
    }
}
