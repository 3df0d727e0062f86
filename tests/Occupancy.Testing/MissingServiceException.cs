namespace Occupancy.Testing;

/// <summary>
/// A program a test needs is not installed. Tests fail with this instead of skipping, so a
/// machine without the service can never pass by running less.
/// </summary>
public sealed class MissingServiceException(string message) : Exception(message);
