using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// How a record sits on disk: <c>length:u32 | crc32c(body):u32 | body</c>, little-endian, where
/// the body is <c>lsn:u64 | appendedMs:i64 | type:u8 | fields</c>. The length and checksum let
/// recovery tell a complete record from one torn by a crash; the LSN inside the body lets it
/// tell a record from stale bytes that merely look like one.
/// </summary>
internal static partial class RecordCodec
{
    public const int HeaderBytes = 8;
    public const int MaxBodyBytes = 64 * 1024;

    private const int FixedBodyBytes = 8 + 8 + 1;
    private const byte DeskChangeType = 1;
    private const byte DoorContactType = 2;

    private static readonly string[] StatesByCode = [DeskStates.Free, DeskStates.Occupied, DeskStates.Unknown];

    /// <summary>Appends one framed record; returns its size on disk.</summary>
    public static int Write(IBufferWriter<byte> output, long lsn, long appendedMs, EdgeEvent e)
    {
        int bodyBytes = FixedBodyBytes + e switch
        {
            DeskChange d => StringBytes(d.DeskId) + StringBytes(d.FloorId) + StringBytes(d.Zone) + 1 + 16,
            DoorContactEvent c => StringBytes(c.DoorId) + 1 + 16,
            _ => DeviceEventBytes(e),
        };
        if (bodyBytes > MaxBodyBytes)
        {
            throw new ArgumentException($"a record of {bodyBytes} bytes exceeds the outbox limit of {MaxBodyBytes}", nameof(e));
        }

        var frame = output.GetSpan(HeaderBytes + bodyBytes)[..(HeaderBytes + bodyBytes)];
        var writer = new SpanWriter(frame[HeaderBytes..]);
        writer.Int64(lsn);
        writer.Int64(appendedMs);
        switch (e)
        {
            case DeskChange d:
                writer.Byte(DeskChangeType);
                writer.String(d.DeskId);
                writer.String(d.FloorId);
                writer.String(d.Zone);
                writer.Byte(StateCode(d.State));
                writer.Int64(d.TimestampMs);
                writer.Int64(d.Seq);
                break;
            case DoorContactEvent c:
                writer.Byte(DoorContactType);
                writer.String(c.DoorId);
                writer.Byte(c.IsOpen ? (byte)1 : (byte)0);
                writer.Int64(c.TimestampMs);
                writer.Int64(c.Seq);
                break;
            default:
                WriteDeviceEvent(ref writer, e);
                break;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)bodyBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], Crc32C.Compute(frame[HeaderBytes..]));
        output.Advance(frame.Length);
        return frame.Length;
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="buffer"/>. <see cref="ReadStatus.NeedMore"/>
    /// when the buffer ends inside it; <see cref="ReadStatus.Corrupt"/> (with the reason) when the
    /// bytes cannot be a record: a torn write, zeros from a crash, or damage.
    /// </summary>
    public static ReadStatus TryRead(ReadOnlySpan<byte> buffer, out OutboxEntry entry, out int consumed, out string error)
    {
        entry = default;
        consumed = 0;
        error = "";
        if (buffer.Length < HeaderBytes)
        {
            return ReadStatus.NeedMore;
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if (length < FixedBodyBytes || length > MaxBodyBytes)
        {
            error = $"impossible record length {length}";
            return ReadStatus.Corrupt;
        }

        if (buffer.Length < HeaderBytes + length)
        {
            return ReadStatus.NeedMore;
        }

        var body = buffer.Slice(HeaderBytes, (int)length);
        if (Crc32C.Compute(body) != BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..]))
        {
            error = "checksum mismatch";
            return ReadStatus.Corrupt;
        }

        try
        {
            entry = Decode(body);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException or DecoderFallbackException)
        {
            error = $"undecodable body: {ex.Message}";
            return ReadStatus.Corrupt;
        }

        consumed = HeaderBytes + (int)length;
        return ReadStatus.Complete;
    }

    private static OutboxEntry Decode(ReadOnlySpan<byte> body)
    {
        var reader = new SpanReader(body);
        long lsn = reader.Int64();
        long appendedMs = reader.Int64();
        byte type = reader.Byte();
        EdgeEvent e = type switch
        {
            DeskChangeType => new DeskChange(reader.String(), reader.String(), reader.String(), StateOf(reader.Byte()), reader.Int64(), reader.Int64()),
            DoorContactType => new DoorContactEvent(reader.String(), reader.Byte() != 0, reader.Int64(), reader.Int64()),
            _ => ReadDeviceEvent(type, ref reader),
        };
        return new OutboxEntry(lsn, appendedMs, e);
    }

    private static int StringBytes(string s) => 2 + Encoding.UTF8.GetByteCount(s);

    private static byte StateCode(string state) => state switch
    {
        DeskStates.Free => 0,
        DeskStates.Occupied => 1,
        DeskStates.Unknown => 2,
        _ => throw new ArgumentException($"unknown desk state '{state}'", nameof(state)),
    };

    private static string StateOf(byte code) =>
        code < StatesByCode.Length ? StatesByCode[code] : throw new FormatException($"unknown desk state code {code}");

    private ref struct SpanWriter(Span<byte> span)
    {
        private Span<byte> _rest = span;

        public void Byte(byte value)
        {
            _rest[0] = value;
            _rest = _rest[1..];
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_rest, value);
            _rest = _rest[8..];
        }

        /// <summary>A presence byte, then the value (0 when absent), so the size never depends on the value.</summary>
        public void OptionalInt64(long? value)
        {
            Byte(value.HasValue ? (byte)1 : (byte)0);
            Int64(value ?? 0);
        }

        public void String(string value)
        {
            int written = Encoding.UTF8.GetBytes(value, _rest[2..]);
            BinaryPrimitives.WriteUInt16LittleEndian(_rest, (ushort)written);
            _rest = _rest[(2 + written)..];
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> span)
    {
        private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
        private ReadOnlySpan<byte> _rest = span;

        public byte Byte()
        {
            byte value = _rest[0];
            _rest = _rest[1..];
            return value;
        }

        public long Int64()
        {
            long value = BinaryPrimitives.ReadInt64LittleEndian(_rest);
            _rest = _rest[8..];
            return value;
        }

        public long? OptionalInt64()
        {
            bool present = Byte() != 0;
            long value = Int64();
            return present ? value : null;
        }

        public string String()
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(_rest);
            string value = StrictUtf8.GetString(_rest.Slice(2, length));
            _rest = _rest[(2 + length)..];
            return value;
        }
    }
}
