using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Occupancy.Firmware.Simulator;

if (!SimulatorArguments.TryParse(args, Environment.GetEnvironmentVariable(SimulatorArguments.SecretVariable), out var arguments, out var error, Environment.GetEnvironmentVariable(SimulatorArguments.DoorMasterKeyVariable)))
{
    if (error is not null)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine(SimulatorArguments.Usage);
    return error is null ? 0 : 2;
}

SiteDevices site;
try
{
    site = arguments!.LoadSite();
}
catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders().AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss ";
});
builder.Services
    .AddSingleton(arguments.ToFleetOptions(site.FindTimeZone(), DateTimeOffset.UtcNow))
    .AddSingleton(site)
    .AddSingleton(arguments)
    .AddHostedService<FleetService>();
await builder.Build().RunAsync();
return 0;
