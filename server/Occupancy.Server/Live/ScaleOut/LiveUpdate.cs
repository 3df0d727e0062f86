using Occupancy.Uplink;

namespace Occupancy.Server.Live.ScaleOut;

/// <summary>
/// A change of live state one instance received, sent to the other instances so that each keeps the same state:
/// an edge's desk changes, a space whose layout was edited (read again from the shared database), or an edge
/// connection that opened or closed. <paramref name="Origin"/> names the sending instance, which applied it already.
/// </summary>
public sealed record LiveUpdate(string Origin, string Kind, string SiteId, DeskStateChange[]? Changes = null, string? ConnectionId = null, bool Connected = false)
{
    public const string DeskChanges = "desks";
    public const string LayoutChanged = "layout";
    public const string EdgeConnection = "edge";
}
