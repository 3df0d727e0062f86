using System.Net.Mime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Influx;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Utilisation;
using Occupancy.Server.Utilisation;

namespace Occupancy.Server.Apis;

/// <summary>
/// Utilisation of a space from InfluxDB, for its hosts and admins: GET /api/spaces/{spaceId}/utilisation?from=&amp;to=
/// (local dates, both included) with an optional floor and rarelyBelow (0–1, default 0.05), and the same as CSV per
/// view (desk-hours, weekday-hours, desks).
/// </summary>
public static partial class UtilisationApi
{
    /// <summary>The longest range one request may ask for.</summary>
    public const int MaxDays = 366;

    public const double DefaultRarelyUsedBelow = 0.05;

    public static IEndpointRouteBuilder MapUtilisationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/spaces/{spaceId}/utilisation").WithTags("Utilisation")
            .RequireAuthorization(Policies.Staff).AddEndpointFilter<ManagesSpaceFilter>();
        api.MapGet("/", GetReport);
        api.MapGet("/{view}.csv", GetCsv);
        return app;
    }

    public static async Task<Results<Ok<UtilisationReport>, ValidationProblem, ProblemHttpResult>> GetReport(
        string spaceId, string? from, string? to, string? floor, string? rarelyBelow,
        OccupancyDbContext db, UtilisationReporter reporter, ILogger<UtilisationReporter> logger, CancellationToken cancellationToken)
    {
        var (report, invalid, problem) = await BuildAsync(spaceId, from, to, floor, rarelyBelow, view: null, db, reporter, logger, cancellationToken);
        if (report is null)
        {
            return invalid is not null ? invalid : problem!;
        }

        return TypedResults.Ok(report);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetCsv(
        string spaceId, string view, string? from, string? to, string? floor, string? rarelyBelow,
        OccupancyDbContext db, UtilisationReporter reporter, ILogger<UtilisationReporter> logger, CancellationToken cancellationToken)
    {
        var (report, invalid, problem) = await BuildAsync(spaceId, from, to, floor, rarelyBelow, view, db, reporter, logger, cancellationToken);
        if (report is null)
        {
            return invalid is not null ? invalid : problem!;
        }

        var name = $"utilisation-{report.SpaceId}{(report.FloorId is null ? "" : "-" + report.FloorId)}-{view}-{report.From}-to-{report.To}.csv";
        var bytes = System.Text.Encoding.UTF8.GetBytes(UtilisationCsv.Write(report, view));
        return TypedResults.File(bytes, $"{MediaTypeNames.Text.Csv}; charset=utf-8", name);
    }

    private static async Task<(UtilisationReport? Report, ValidationProblem? Invalid, ProblemHttpResult? Problem)> BuildAsync(
        string spaceId, string? from, string? to, string? floor, string? rarelyBelow, string? view,
        OccupancyDbContext db, UtilisationReporter reporter, ILogger logger, CancellationToken cancellationToken)
    {
        var space = await db.Spaces.AsNoTracking().AsSplitQuery()
            .Include(s => s.OpeningHours).Include(s => s.Zones).Include(s => s.Floors).ThenInclude(f => f.Desks)
            .SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is null)
        {
            return (null, null, Problems.NotFound($"There is no space '{spaceId}'."));
        }

        var errors = new RequestErrors();
        var request = Validate(space, from, to, floor, rarelyBelow, view, errors);
        if (errors.Any)
        {
            return (null, errors.ToProblem(), null);
        }

        try
        {
            return (await reporter.BuildAsync(space, request!, cancellationToken), null, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or InfluxWriteException or InvalidOperationException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogInfluxUnavailable(logger, spaceId, ex);
            return (null, null, TypedResults.Problem(
                title: "Utilisation is unavailable",
                detail: $"InfluxDB could not answer: {ex.Message}",
                statusCode: StatusCodes.Status503ServiceUnavailable));
        }
    }

    private static UtilisationRequest? Validate(Space space, string? from, string? to, string? floor, string? rarelyBelow, string? view, RequestErrors errors)
    {
        if (view is not null && !UtilisationCsv.Views.Contains(view))
        {
            errors.Add("view", $"Must be one of {string.Join(", ", UtilisationCsv.Views)}.");
        }

        var fromValid = LocalTimes.TryParseDate(from, out var fromDate);
        if (!fromValid)
        {
            errors.Add("from", from is null ? "Is required (yyyy-MM-dd)." : "Must be a date as yyyy-MM-dd.");
        }

        if (!LocalTimes.TryParseDate(to, out var toDate))
        {
            errors.Add("to", to is null ? "Is required (yyyy-MM-dd)." : "Must be a date as yyyy-MM-dd.");
        }
        else if (fromValid && toDate < fromDate)
        {
            errors.Add("to", "Must not be before from.");
        }
        else if (fromValid && toDate.DayNumber - fromDate.DayNumber + 1 > MaxDays)
        {
            errors.Add("to", $"The range may span at most {MaxDays} days.");
        }

        if (floor is not null && space.Floors.All(f => f.Id != floor))
        {
            errors.Add("floor", $"Space '{space.Id}' has no floor '{floor}'.");
        }

        var rarely = DefaultRarelyUsedBelow;
        if (rarelyBelow is not null && (!double.TryParse(rarelyBelow, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out rarely)
                                        || double.IsNaN(rarely) || rarely < 0 || rarely > 1))
        {
            errors.Add("rarelyBelow", "Must be a number between 0 and 1.");
        }

        return errors.Any ? null : new UtilisationRequest(fromDate, toDate, floor, rarely);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Utilisation of space {SpaceId} is unavailable: InfluxDB did not answer")]
    private static partial void LogInfluxUnavailable(ILogger logger, string spaceId, Exception exception);
}
