namespace Occupancy.Server.Data;

/// <summary>
/// The network's one access version counter (a single row). Every saved change that alters what an edge decides
/// from increments it in the same transaction as the change (see AccessChangeInterceptor): the row lock makes
/// concurrent changes take distinct versions and commit in version order, so a replica read together with the
/// counter holds exactly the changes up to that version.
/// </summary>
public sealed class AccessSequence
{
    public const int NetworkRow = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
