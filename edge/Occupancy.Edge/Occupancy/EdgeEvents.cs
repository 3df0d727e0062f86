using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Influx;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Occupancy;

/// <summary>
/// Hands every accepted event to the jobs that ship it: the InfluxDB writer (as line
/// protocol) and the uplink to the server. Each job reads its own channel, so a slow server
/// never holds up InfluxDB or the other way round.
/// </summary>
public sealed class EdgeEvents(IOptions<EdgeOptions> options)
{
    private readonly InfluxPoints _points = new(options.Value.SiteId);

    public Channel<string> InfluxLines { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public Channel<DeskChange> DeskChangesForServer { get; } = Channel.CreateUnbounded<DeskChange>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(DeskChange change)
    {
        InfluxLines.Writer.TryWrite(_points.DeskState(change));
        DeskChangesForServer.Writer.TryWrite(change);
    }

    public void Publish(DoorContactEvent contact)
    {
        InfluxLines.Writer.TryWrite(_points.DoorContact(contact));
    }
}
