namespace Occupancy.Server.Models.Utilisation;

/// <summary>A floor or a zone: its desks' occupied seconds over their open desk-seconds.</summary>
public sealed record GroupUtilisation(string Id, string Name, int Desks, double? Utilisation, double OccupiedSeconds, double OpenSeconds);
