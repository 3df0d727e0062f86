using Occupancy.Server.Extensions;

// The app's own folder is the content root, so appsettings.json and the dashboard are found whichever
// directory the server is started from (the data directory stays relative to the current directory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddApplicationServices();

var app = builder.Build();
try
{
    await app.InitializeDatabaseAsync();
    await app.InitializeAccountsAsync();

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapApis();
    app.MapHubs();
    app.MapGet("/healthz", () => "ok");

    await app.RunAsync();
    return 0;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    // A wrong setting: say which, without a stack trace, and exit with EX_CONFIG, which the systemd unit does not
    // restart into (deploy/systemd/occupancy-server.service).
    Console.Error.WriteLine("Occupancy.Server cannot start: " + string.Join(" ", ex.Failures));
    return 78;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
