using System;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Door;

namespace Occupancy.Devices.Door
{
    /// <summary>
    /// Cards through an MFRC522 (ISO 14443 type A: MIFARE, NTAG, DESFire): the card's UID is the
    /// credential. Each call listens only briefly, so the door loop keeps watching the contact and
    /// its timers; a card left on the reader is read again, which the core ignores for a few seconds.
    /// </summary>
    public sealed class Mfrc522CardReader : ICardReader
    {
        private static readonly TimeSpan ListenTime = TimeSpan.FromMilliseconds(20);

        private readonly MfRc522 _reader;

        public Mfrc522CardReader(MfRc522 reader)
        {
            _reader = reader;
        }

        public bool TryRead(out Credential credential)
        {
            credential = null!;
            Data106kbpsTypeA card;
            if (!_reader.ListenToCardIso14443TypeA(out card, ListenTime))
            {
                return false;
            }

            credential = Credential.FromCardUid(card.NfcId);
            return true;
        }
    }
}
