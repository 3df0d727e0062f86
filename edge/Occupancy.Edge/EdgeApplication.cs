using Occupancy.Edge.Extensions;

namespace Occupancy.Edge;

/// <summary>Builds the edge host; Program runs it, tests start it in-process with their own settings.</summary>
public static class EdgeApplication
{
    public static IHost Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // appsettings.json sits beside the binaries; relative data folders still resolve
        // against the current directory, where an operator expects them.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddEdge();
        return builder.Build();
    }
}
