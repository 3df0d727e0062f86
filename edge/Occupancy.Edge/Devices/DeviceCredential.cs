namespace Occupancy.Edge.Devices;

/// <summary>A device's login as the edge stores it: a salted hash (see DeviceSecretHashing), never the secret.</summary>
public sealed record DeviceCredential(string DeviceId, string Salt, string Hash);
