using Occupancy.Edge.Extensions;

namespace Occupancy.Edge;

/// <summary>Builds the edge host; Program runs it, tests start it in-process with their own settings.</summary>
public static class EdgeApplication
{
    public static IHost Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddEdge();
        return builder.Build();
    }
}
