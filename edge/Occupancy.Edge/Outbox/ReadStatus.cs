namespace Occupancy.Edge.Outbox;

internal enum ReadStatus
{
    Complete,
    NeedMore,
    Corrupt,
}
