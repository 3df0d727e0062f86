using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Occupancy.Server.Apis;

/// <summary>
/// A body that is not the JSON an endpoint expects (a string where a number goes, broken JSON) gets validation
/// problem details naming the field from the JSON path ("$.width" → "width"), like every other bad request.
/// Needs RouteHandlerOptions.ThrowOnBadRequest, so binding failures reach the exception handler.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var field = badRequest.InnerException is JsonException { Path: { Length: > 0 } path } ? FieldOf(path) : "body";
        var message = badRequest.InnerException is JsonException json ? FirstSentence(json.Message) : badRequest.Message;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Title = "The request has invalid fields.",
                Status = badRequest.StatusCode,
            },
        });
    }

    private static string FieldOf(string jsonPath)
    {
        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return field.Length == 0 ? "body" : char.ToLowerInvariant(field[0]) + field[1..];
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
