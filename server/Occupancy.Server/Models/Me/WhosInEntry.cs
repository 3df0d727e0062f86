namespace Occupancy.Server.Models.Me;

/// <summary>An opted-in member who is in a space today: name and a line about what they do, nothing else.</summary>
public sealed record WhosInEntry(string Name, string? Headline);
