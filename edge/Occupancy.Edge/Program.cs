namespace Occupancy.Edge;

// A named class rather than top-level statements: the server's Program is the one a test
// host refers to by name, and both assemblies meet in the end-to-end tests.
public static class Program
{
    public static async Task Main(string[] args)
    {
        using var host = EdgeApplication.Build(args);
        await host.RunAsync();
    }
}
