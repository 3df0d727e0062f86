using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Occupancy.Firmware.Simulator;

/// <summary>Runs the fleet for as long as the simulator runs; on Ctrl-C or SIGTERM every device says goodbye.</summary>
internal sealed class FleetService(FleetOptions options, SiteDevices site, ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var fleet = await Fleet.StartAsync(options, site, loggerFactory, stoppingToken);
        await fleet.RunAsync(stoppingToken);
    }
}
