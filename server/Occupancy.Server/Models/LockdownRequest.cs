namespace Occupancy.Server.Models;

/// <summary>Starts (<c>true</c>) or ends a space's lockdown.</summary>
public sealed record LockdownRequest(bool? Active);
