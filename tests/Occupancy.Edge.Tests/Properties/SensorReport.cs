namespace Occupancy.Edge.Tests.Properties;

/// <summary>A report a desk sensor sends: its state at the sensor's time; its sequence number is its place in the desk's list.</summary>
internal sealed record SensorReport(string State, long TimestampMs);
