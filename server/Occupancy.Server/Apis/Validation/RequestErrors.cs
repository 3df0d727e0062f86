using Microsoft.AspNetCore.Http.HttpResults;
using Occupancy.Firmware.Contract;

namespace Occupancy.Server.Apis.Validation;

/// <summary>
/// Collects what is wrong with a request, per field (JSON names: "timeZone", "openingHours[1].closes"), and
/// turns it into RFC 7807 validation problem details.
/// </summary>
public sealed class RequestErrors
{
    public const int MaxNameLength = 100;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>An id as the edge, topics and URLs need it: 1–32 characters of a-z, 0-9 and '-'.</summary>
    public void RequireId(string field, string? value)
    {
        if (value is null || !Ids.IsValid(value))
        {
            Add(field, $"Must be 1 to {Ids.MaxLength} characters of a-z, 0-9 and '-'.");
        }
    }

    public void RequireText(string field, string? value, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters.");
        }
    }

    public void RequireRange(string field, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(field, $"Must be between {min} and {max}.");
        }
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request has invalid fields.");
}
