using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Occupancy.Firmware.Simulator.Day;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// Runs the fleet for as long as the simulator runs (or for the simulated days asked for, then
/// stops the program); on Ctrl-C or SIGTERM every device says goodbye.
/// </summary>
internal sealed class FleetService(FleetOptions options, SiteDevices site, SimulatorArguments arguments, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var fleet = await Fleet.StartAsync(options, site, loggerFactory, stoppingToken);
            if (arguments.MembersOut is { } path)
            {
                MemberRoster.Write(path, fleet.Members);
            }

            await fleet.RunAsync(stoppingToken);
        }
        finally
        {
            // A run of --days ends by itself: the program ends with it.
            lifetime.StopApplication();
        }
    }
}
