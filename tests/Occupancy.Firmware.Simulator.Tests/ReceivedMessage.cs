namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>One MQTT message as a broker or subscriber saw it.</summary>
public sealed record ReceivedMessage(string Topic, string Payload, bool Retain, string? ClientId = null);
