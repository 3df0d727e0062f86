namespace Occupancy.Edge.Outbox;

public sealed partial class OutboxLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox at {Directory}: {Records} records written so far, {Segments} segment(s) kept")]
    private static partial void LogOpened(ILogger logger, string directory, long records, int segments);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox in {Directory} cannot write ({Error}): devices are refused until it can, and it keeps trying")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string directory, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outbox writes again, after {Attempts} failed attempt(s)")]
    private static partial void LogRecovered(ILogger logger, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} consumed outbox segment(s), through record {Lsn}")]
    private static partial void LogDeleted(ILogger logger, int count, long lsn);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox writer did not finish within 30 s of shutdown; unwritten records were never acknowledged")]
    private static partial void LogWriterStuck(ILogger logger);
}
