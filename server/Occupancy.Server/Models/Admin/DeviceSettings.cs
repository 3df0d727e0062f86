namespace Occupancy.Server.Models.Admin;

/// <summary>A device without its secret (only a hash is kept). Provisioned once a secret was issued.</summary>
public sealed record DeviceSettings(string Id, string Kind, bool Provisioned, DateTimeOffset? SecretIssuedAt, string? UsedBy);
