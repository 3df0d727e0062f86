namespace Occupancy.Uplink;

/// <summary>
/// A device's login as the server provisioned it: the salted hash of its secret, in the form
/// <see cref="DeviceSecretHashing"/> makes and checks, never the secret itself.
/// </summary>
public sealed record ProvisionedDevice(string DeviceId, string Salt, string Hash);
