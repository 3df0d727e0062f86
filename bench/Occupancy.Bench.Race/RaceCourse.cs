using System.Diagnostics;
using Occupancy.Testing;

namespace Occupancy.Bench.Race;

/// <summary>
/// One contender at a time subscribes to the same mosquitto and writes to the same influxd (its
/// own database) while the stream is published; the clock runs from the first publish until
/// InfluxDB holds every report as a point (or nothing more arrives for 30 s: the rest was lost).
/// </summary>
internal sealed class RaceCourse(MosquittoServer broker, InfluxdServer influx, DeskStream stream, long messages)
{
    private static readonly TimeSpan GiveUpAfterSilence = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The ceiling: the same stream through the same broker to one plain subscriber at QoS 1 that only counts (no
    /// parsing, no storage). No subscriber of this mosquitto on this machine can take the stream faster, so it says
    /// what rate is physically reachable. Its CPU is not measured apart: it shares a process with the publishers.
    /// </summary>
    public async Task<ContenderResult> RunRelayCeilingAsync(string name, string topicFilter)
    {
        await using var subscriber = await RelaySubscriber.ConnectAsync(broker, topicFilter, "race-ceiling");
        var clock = Stopwatch.StartNew();
        var publishing = stream.PublishAsync(broker.Host, broker.Port);
        await subscriber.WaitForAsync(messages, publishing, GiveUpAfterSilence);
        var endToEnd = clock.Elapsed;
        var publishTime = await publishing;
        await Task.Delay(TimeSpan.FromSeconds(1));
        subscriber.ThrowIfMoreThan(messages);
        return new ContenderResult(name, messages, subscriber.Received, publishTime, endToEnd, double.NaN, double.NaN, double.NaN);
    }

    public async Task<ContenderResult> RunAsync(string name, int contenderPid, string database)
    {
        var contender = new ProcessMeter(contenderPid);
        var influxd = new ProcessMeter(influx.ProcessId);
        contender.Start();
        influxd.Start();
        var clock = Stopwatch.StartNew();
        var publishing = stream.PublishAsync(broker.Host, broker.Port);
        long committed = 0;
        var lastProgress = clock.Elapsed;
        while (committed < messages)
        {
            await Task.Delay(250);
            contender.Sample();
            long now = await CountAsync(database);
            if (now != committed)
            {
                committed = now;
                lastProgress = clock.Elapsed;
            }
            else if (publishing.IsCompleted && clock.Elapsed - lastProgress > GiveUpAfterSilence)
            {
                break;
            }
        }

        var endToEnd = committed < messages ? lastProgress : clock.Elapsed;
        var publishTime = await publishing;
        var (cpu, rss) = contender.Stop();
        var (influxCpu, _) = influxd.Stop();
        return new ContenderResult(name, messages, committed, publishTime, endToEnd, cpu, influxCpu, rss);
    }

    private async Task<long> CountAsync(string database)
    {
        var rows = await influx.QueryRowsAsync(database, "SELECT COUNT(\"state\") FROM desk_state");
        return rows.Count == 0 ? 0 : rows[0]["count"].GetInt64();
    }
}
