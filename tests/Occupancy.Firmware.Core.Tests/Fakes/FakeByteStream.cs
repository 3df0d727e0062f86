using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>A serial port whose received bytes the test supplies; reads return at most <see cref="MaxChunk"/> bytes, as a UART buffer does.</summary>
public sealed class FakeByteStream : IByteStream
{
    private readonly Queue<byte> _bytes = new();

    public int MaxChunk { get; set; } = 64;

    public void Receive(params byte[] bytes)
    {
        foreach (var b in bytes)
        {
            _bytes.Enqueue(b);
        }
    }

    public void Receive(string hex) => Receive(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && n < MaxChunk && _bytes.TryDequeue(out var b))
        {
            buffer[offset + n++] = b;
        }

        return n;
    }
}
