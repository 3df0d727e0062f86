namespace Occupancy.Firmware.Device
{
    /// <summary>
    /// The messages a device has not handed to the broker yet, in order. Bounded, because the
    /// device's memory is: when full, the oldest message is dropped and counted (the newest
    /// state matters most, and the drop count goes out in the heartbeat).
    /// </summary>
    public sealed class OutboundQueue
    {
        private readonly OutboundMessage[] _items;
        private int _head;
        private int _count;

        public OutboundQueue(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentException("capacity must be at least 1");
            }

            _items = new OutboundMessage[capacity];
        }

        public int Capacity => _items.Length;

        public int Count => _count;

        /// <summary>Messages dropped because the queue was full, since boot.</summary>
        public long Dropped { get; private set; }

        public void Enqueue(OutboundMessage message)
        {
            if (_count == _items.Length)
            {
                _items[_head] = null!;
                _head = (_head + 1) % _items.Length;
                _count--;
                Dropped++;
            }

            _items[(_head + _count) % _items.Length] = message;
            _count++;
        }

        /// <summary>The oldest message, or null when empty.</summary>
        public OutboundMessage Peek() => _count == 0 ? null! : _items[_head];

        public void RemoveOldest()
        {
            if (_count == 0)
            {
                return;
            }

            _items[_head] = null!;
            _head = (_head + 1) % _items.Length;
            _count--;
        }

        /// <summary>True when a message for <paramref name="channel"/> is waiting.</summary>
        public bool Contains(string channel)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_items[(_head + i) % _items.Length].Channel == channel)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
