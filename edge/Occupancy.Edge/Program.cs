namespace Occupancy.Edge;

// A named class rather than top-level statements: the server's Program is the one a test
// host refers to by name, and both assemblies meet in the end-to-end tests.
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Devices.DevicesCommand.Name)
        {
            return Devices.DevicesCommand.Run(args[1..], Console.Out, Console.Error);
        }

        using var host = EdgeApplication.Build(args);
        try
        {
            await host.RunAsync();
            return 0;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            // A wrong setting: say which, without a stack trace, and exit with EX_CONFIG, which the systemd unit
            // does not restart into (deploy/systemd/occupancy-edge.service).
            Console.Error.WriteLine("Occupancy.Edge cannot start: " + string.Join(" ", ex.Failures));
            return 78;
        }
    }
}
