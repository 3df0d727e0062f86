using Occupancy.Server.Extensions;

// A wrong setting: say which, without a stack trace, and exit with EX_CONFIG, which the systemd unit does not
// restart into (deploy/systemd/occupancy-server.service). Only when nothing else handles it: a test host that
// starts this program sees the exception itself.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is Microsoft.Extensions.Options.OptionsValidationException wrongSetting)
    {
        Console.Error.WriteLine("Occupancy.Server cannot start: " + string.Join(" ", wrongSetting.Failures));
        Environment.Exit(78);
    }
};

// The app's own folder is the content root, so appsettings.json and the dashboard are found whichever
// directory the server is started from (the data directory stays relative to the current directory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddApplicationServices();

var app = builder.Build();
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

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
