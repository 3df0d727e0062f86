using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Door
{
    /// <summary>A reader with two heads (cards and phone codes): whichever has something, cards first.</summary>
    public sealed class EitherCardReader : ICardReader
    {
        private readonly ICardReader _first;
        private readonly ICardReader _second;

        public EitherCardReader(ICardReader first, ICardReader second)
        {
            _first = first;
            _second = second;
        }

        public bool TryRead(out Credential credential) => _first.TryRead(out credential) || _second.TryRead(out credential);
    }
}
