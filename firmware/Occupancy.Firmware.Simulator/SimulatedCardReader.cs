using System.Collections.Concurrent;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Simulator;

/// <summary>The MFRC522 of a simulated door reader: a test or the simulated people tap cards and phone codes on it.</summary>
public sealed class SimulatedCardReader : ICardReader
{
    private readonly ConcurrentQueue<Credential> _presented = new();

    /// <summary>Presents a card with this UID (hex, 4 to 10 bytes).</summary>
    public void Tap(string uidHex)
    {
        if (!Credential.IsValid(Credential.Card, uidHex.ToLowerInvariant()))
        {
            throw new ArgumentException($"'{uidHex}' is not a card UID (8 to 20 hex digits).", nameof(uidHex));
        }

        _presented.Enqueue(new Credential(Credential.Card, uidHex.ToLowerInvariant()));
    }

    /// <summary>Presents a phone's rotating code (opaque to the reader).</summary>
    public void TapCode(string code)
    {
        if (!Credential.IsValid(Credential.Code, code))
        {
            throw new ArgumentException($"'{code}' is not a code (1 to 64 printable ASCII characters).", nameof(code));
        }

        _presented.Enqueue(new Credential(Credential.Code, code));
    }

    public bool TryRead(out Credential credential) => _presented.TryDequeue(out credential!);
}
