namespace Occupancy.EndToEnd.Tests.ScaleOut;

/// <summary>The edges of several sites started for one test, stopped together.</summary>
internal sealed class SiteEdges : IAsyncDisposable
{
    private readonly List<SiteEdge> _edges = [];

    public IReadOnlyList<SiteEdge> All => _edges;

    public void Add(SiteEdge edge) => _edges.Add(edge);

    /// <summary>Stops one site's edge now: the server sees its connection close.</summary>
    public async Task StopAsync(string siteId)
    {
        var edge = _edges.Single(e => e.SiteId == siteId);
        _edges.Remove(edge);
        await edge.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var edge in _edges)
        {
            await edge.DisposeAsync();
        }

        _edges.Clear();
    }
}
