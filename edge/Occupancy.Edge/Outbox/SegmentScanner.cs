using Microsoft.Win32.SafeHandles;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// Reads the records of one segment in order. The file may still be growing: a record that is
/// not complete yet reads as <see cref="ReadStatus.NeedMore"/> and is read again on the next call.
/// </summary>
internal sealed class SegmentScanner : IDisposable
{
    private const int BufferBytes = 256 * 1024;

    private readonly SafeFileHandle _handle;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private long _bufferFileOffset;
    private int _start;
    private int _end;

    public SegmentScanner(string path)
    {
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>The file offset just past the last complete record returned.</summary>
    public long RecordStart => _bufferFileOffset + _start;

    public long FileLength => RandomAccess.GetLength(_handle);

    public ReadStatus Next(out OutboxEntry entry, out string error)
    {
        while (true)
        {
            var status = RecordCodec.TryRead(_buffer.AsSpan(_start, _end - _start), out entry, out int consumed, out error);
            if (status == ReadStatus.Complete)
            {
                _start += consumed;
                return status;
            }

            if (status == ReadStatus.Corrupt || !Fill())
            {
                return status;
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferFileOffset += _start;
            _end -= _start;
            _start = 0;
        }

        // A record is at most HeaderBytes + MaxBodyBytes, well under the buffer: there is always room.
        int read = RandomAccess.Read(_handle, _buffer.AsSpan(_end), _bufferFileOffset + _end);
        _end += read;
        return read > 0;
    }
}
