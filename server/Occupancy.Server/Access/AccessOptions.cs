using System.ComponentModel.DataAnnotations;

namespace Occupancy.Server.Access;

/// <summary>Configuration section "Access": the network's access-control key and how long identifiable records stay.</summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string SectionName = "Access";

    /// <summary>
    /// Hex, at least 32 digits; the same key as every edge's Access:NetworkKey (card hashes and member pseudonyms are
    /// made with it). A secret: environment (Access__NetworkKey) or a secrets file. Without it the server keeps
    /// passes but sends edges no replica.
    /// </summary>
    public string NetworkKey { get; set; } = "";

    /// <summary>Days an access log entry (who opened which door) is kept before it is deleted; daily counts stay.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often retention looks for expired entries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    public bool IsConfigured => NetworkKey.Length > 0;

    public byte[] NetworkKeyBytes() => Convert.FromHexString(NetworkKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NetworkKey.Length > 0 && (NetworkKey.Length < 32 || NetworkKey.Length % 2 != 0 || !NetworkKey.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult("Access:NetworkKey must be an even number (at least 32) of hex digits", [nameof(NetworkKey)]);
        }
    }
}
