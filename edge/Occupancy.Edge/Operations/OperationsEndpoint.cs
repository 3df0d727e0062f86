using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Operations;

/// <summary>
/// A small HTTP listener beside the edge (<c>Edge:HttpPort</c>, loopback by default): <c>/healthz</c>
/// (the process answers), <c>/readyz</c> (broker, outbox, InfluxDB and server link, each with its
/// state), <c>/metrics</c> for Prometheus and <c>/occupancy</c> (the site's live desk counts). A web host of its own, so the edge stays a plain
/// worker and the endpoint can be turned off (port 0) without touching anything else.
/// </summary>
public sealed partial class OperationsEndpoint(
    IOptions<EdgeOptions> options,
    HealthCheckService health,
    MeterProvider meterProvider,
    SiteOccupancy occupancy,
    ILogger<OperationsEndpoint> logger) : IHostedService, IAsyncDisposable
{
    public const string ReadyTag = "ready";

    private readonly EdgeOptions _options = options.Value;
    private WebApplication? _app;

    /// <summary>The address it listens on, once started; null when turned off or when it could not bind.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.HttpPort == 0)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(_options.HttpBindAddress), _options.HttpPort));
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async context =>
            await HealthResponse.WriteAsync(context, await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), context.RequestAborted)));
        app.MapOccupancyApi(occupancy);
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider, configureBranchedPipeline: null, optionsName: null);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // Devices matter more than the operations endpoint: the edge runs on without it, loudly.
            LogCannotListen(logger, ex, _options.HttpBindAddress, _options.HttpPort, ex.Message);
            await app.DisposeAsync();
            return;
        }

        _app = app;
        Address = new Uri($"http://{_options.HttpBindAddress}:{_options.HttpPort}/");
        LogListening(logger, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operations endpoint on {Address} (healthz, readyz, metrics, occupancy)")]
    private static partial void LogListening(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Error, Message = "The operations endpoint cannot listen on {Address}:{Port} ({Error}); the edge runs on without /healthz, /readyz and /metrics")]
    private static partial void LogCannotListen(ILogger logger, Exception exception, string address, int port, string error);
}
