using System.Text;

namespace Occupancy.Edge.Influx;

/// <summary>
/// <c>influx-dead-letter.txt</c> in the data folder: lines InfluxDB refused for good, each group
/// under a comment with the time and InfluxDB's reason, so an operator can fix and replay them.
/// </summary>
public sealed class DeadLetterFile(string dataDirectory)
{
    public const string FileName = "influx-dead-letter.txt";

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FileName);

    public async Task AppendAsync(DateTimeOffset at, string reason, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var text = new StringBuilder().Append("# ").Append(at.ToString("O")).Append(' ').Append(reason.ReplaceLineEndings(" ")).Append('\n');
        foreach (string line in lines)
        {
            text.Append(line).Append('\n');
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
        file.Flush(flushToDisk: true); // the outbox will forget these lines once the cursor moves on
    }
}
