using System.ComponentModel.DataAnnotations;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Access;

/// <summary>Keys of the site's access control. Both come from the environment or a secrets file, never committed.</summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Access";

    /// <summary>Hex; every door's command key is derived from it (see DoorKeys), the same derivation the readers were provisioned with.</summary>
    public string DoorMasterKey { get; set; } = "";

    /// <summary>Hex; the network's key for card hashes and member pseudonyms, shared with the server.</summary>
    public string NetworkKey { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(DoorMasterKey) && !DoorKeys.TryParse(DoorMasterKey, out _))
        {
            yield return new ValidationResult("Access:DoorMasterKey must be at least 32 hex digits", [nameof(DoorMasterKey)]);
        }

        if (!string.IsNullOrEmpty(NetworkKey) && !DoorKeys.TryParse(NetworkKey, out _))
        {
            yield return new ValidationResult("Access:NetworkKey must be at least 32 hex digits", [nameof(NetworkKey)]);
        }
    }
}
