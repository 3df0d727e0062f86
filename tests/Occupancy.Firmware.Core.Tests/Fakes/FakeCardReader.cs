using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>A card reader a test taps cards on.</summary>
public sealed class FakeCardReader : ICardReader
{
    private readonly Queue<Credential> _taps = new();

    public void Tap(string uidHex) => _taps.Enqueue(new Credential(Credential.Card, uidHex));

    public void TapCode(string code) => _taps.Enqueue(new Credential(Credential.Code, code));

    public bool TryRead(out Credential credential) => _taps.TryDequeue(out credential!);
}
