using Microsoft.Extensions.Options;
using Occupancy.Firmware.Contract;

namespace Occupancy.Server.Authentication;

/// <summary>Refuses to start with a malformed site id, an empty key, or one key shared by two sites.</summary>
public sealed class EdgeKeysOptionsValidator : IValidateOptions<EdgeKeysOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeKeysOptions options)
    {
        List<string> failures = [];
        foreach (var (site, key) in options.Keys)
        {
            if (!Ids.IsValid(site))
            {
                failures.Add($"EdgeKeys: '{site}' is not a site id (1 to {Ids.MaxLength} characters of a-z, 0-9 and '-').");
            }

            if (string.IsNullOrWhiteSpace(key))
            {
                failures.Add($"EdgeKeys:{site} is empty.");
            }
        }

        var shared = options.Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .GroupBy(k => k.Value, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(k => k.Key)));
        failures.AddRange(shared.Select(sites => $"EdgeKeys: sites {sites} share one key; each site needs its own."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
