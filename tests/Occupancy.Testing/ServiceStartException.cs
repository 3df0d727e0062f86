namespace Occupancy.Testing;

/// <summary>A service process did not become ready; the message carries the tail of its output.</summary>
public sealed class ServiceStartException(string message, Exception? innerException = null)
    : Exception(message, innerException);
