using Occupancy.Edge;

using var host = EdgeApplication.Build(args);
await host.RunAsync();
