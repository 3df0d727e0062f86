using Occupancy.Server.Extensions;

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
