using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Core.Tests.Contract;
using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Core.Tests.Door;

/// <summary>A door reader on fake pins with a fake clock, and the edge's side (signing answers) for tests.</summary>
internal sealed class DoorRig
{
    public const string DoorId = ContractSamples.Door;
    public const string UnlockTopic = "occupancy/v1/hq/door/reader-front/cmd/unlock";
    public const string ConfigTopic = "occupancy/v1/hq/door/reader-front/config";

    public DoorRig(DoorReaderOptions? options = null, bool withExitButton = false)
    {
        var identity = new DeviceIdentity("hq", DeviceKinds.Door, DoorId, "1.0.0");
        Runtime = new DeviceRuntime(identity, Clock, Link, new SequenceCounter(0));
        var hardware = new DoorHardware(Contact, Cards, Relay, Green, Red, Buzzer, withExitButton ? ExitButton : null);
        Reader = new DoorReader(Runtime, options ?? new DoorReaderOptions(), hardware, Signer, Random);
        Reader.OnConnected();
        Link.Messages.Clear();
    }

    public FakeClock Clock { get; } = new();

    public RecordingLink Link { get; } = new();

    public FakeInput Contact { get; } = new();

    public FakeInput ExitButton { get; } = new();

    public FakeCardReader Cards { get; } = new();

    public FakeOutput Relay { get; } = new();

    public FakeOutput Green { get; } = new();

    public FakeOutput Red { get; } = new();

    public FakeOutput Buzzer { get; } = new();

    public CountingRandom Random { get; } = new();

    public CommandSigner Signer { get; } = ContractSamples.Signer;

    public DeviceRuntime Runtime { get; }

    public DoorReader Reader { get; }

    public long UtcNow => Clock.UtcNowMs;

    /// <summary>Taps a card and lets the reader see it; returns the nonce of the request it published.</summary>
    public string Tap(string uid = "04a1b2c3d4e5f6")
    {
        Cards.Tap(uid);
        Step();
        return Requests().Last().Nonce;
    }

    /// <summary>Moves the clock on, then runs one pass of the loop at the new time.</summary>
    public void Step(long ms = 50)
    {
        Clock.Advance(ms);
        Reader.Poll();
    }

    public void RunFor(long ms)
    {
        for (long t = 0; t < ms; t += 50)
        {
            Step();
        }
    }

    public void Deliver(UnlockCommand command, bool retained = false) => Reader.OnMessage(UnlockTopic, command.Encode(), retained);

    public UnlockCommand Grant(string nonce, long unlockMs = 0) => Signer.Grant(DoorId, nonce, unlockMs, UtcNow + UnlockCommand.DefaultLifetimeMs);

    public UnlockCommand Deny(string nonce) => Signer.Deny(DoorId, nonce, UtcNow + UnlockCommand.DefaultLifetimeMs);

    public List<AccessRequestMessage> Requests() => Link.On(Channels.AccessRequest).Select(p => AccessRequestMessage.TryDecode(p, out var m, out var e) ? m : throw new InvalidDataException(e)).ToList();

    public List<AccessResultMessage> Results() => Link.On(Channels.AccessResult).Select(p => AccessResultMessage.TryDecode(p, out var m, out var e) ? m : throw new InvalidDataException(e)).ToList();

    public List<string> Rejections() => Link.On(Channels.CommandRejected).Select(p => CommandRejectedMessage.TryDecode(p, out var m, out var e) ? m.Reason : throw new InvalidDataException(e)).ToList();

    public List<AlarmMessage> Alarms() => Link.On(Channels.Alarm).Select(p => AlarmMessage.TryDecode(p, out var m, out var e) ? m : throw new InvalidDataException(e)).ToList();

    public List<bool> Contacts() => Link.On(Channels.DoorContact).Select(p => DoorContactMessage.TryDecode(p, out var m, out var e) ? m.IsOpen : throw new InvalidDataException(e)).ToList();
}
