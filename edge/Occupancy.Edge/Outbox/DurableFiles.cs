using System.Runtime.InteropServices;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// File operations that must survive a crash or power loss: a new or renamed file is durable only
/// once its directory is flushed too, which .NET has no API for, so on Linux it calls fsync on the
/// directory itself.
/// </summary>
internal static partial class DurableFiles
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> so that a crash leaves the old or the new file, never half of one.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(content);
            if (flushToDisk)
            {
                stream.Flush(flushToDisk: true);
            }
        }

        Replace(temporary, path, flushToDisk);
    }

    /// <summary>The same, with the content written by <paramref name="write"/> through a small buffer: never held whole in memory.</summary>
    public static void WriteAtomically(string path, Action<Stream> write, bool flushToDisk)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
        {
            write(stream);
            if (flushToDisk)
            {
                stream.Flush(flushToDisk: true);
            }
        }

        Replace(temporary, path, flushToDisk);
    }

    private static void Replace(string temporary, string path, bool flushToDisk)
    {
        File.Move(temporary, path, overwrite: true);
        if (flushToDisk)
        {
            FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
    }

    /// <summary>Makes file creations, renames and deletions in <paramref name="directory"/> durable.</summary>
    public static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // elsewhere the file system's own ordering has to do
        }

        int fd = Open(directory, ReadOnly | Directory);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"cannot flush directory {directory} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
