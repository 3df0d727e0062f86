using FsCheck;
using FsCheck.Fluent;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Properties;

/// <summary>
/// Generated traffic of a few desks: each desk's reports in the order its sensor sent them, and a
/// schedule that interleaves the desks, repeats earlier reports and restarts the edge in between.
/// </summary>
internal sealed record DeskTraffic(SensorReport[][] Desks, DeliveryStep[] Schedule)
{
    public const int DeskCount = 3;

    private const long Start = 1_764_236_400_000; // 2025-11-27 09:40 UTC, not on a five-minute boundary on purpose

    public static Arbitrary<DeskTraffic> Arbitrary { get; } = Generator().ToArbitrary();

    public override string ToString() =>
        string.Join(" | ", Desks.Select((reports, i) => $"desk {i}: " + string.Join(",", reports.Select(r => $"{r.State[0]}@{(r.TimestampMs - Start) / 1000}s"))))
        + " || " + string.Join(", ", Schedule.Select(step => step switch
        {
            DeliveryStep.Next next => $"next {next.Desk}",
            DeliveryStep.Again again => $"again {again.Desk}-{again.Back}",
            DeliveryStep.Restart restart => restart.FromCheckpoint ? "restart (checkpoint)" : "restart (log)",
            _ => step.ToString(),
        }));

    private static Gen<DeskTraffic> Generator() =>
        from desks in Gen.ArrayOf(Reports(), DeskCount)
        from schedule in Gen.ArrayOf(Step())
        select new DeskTraffic(desks, schedule);

    /// <summary>A desk's reports, 1 to 12 of them, seconds to ten minutes apart: runs cross five-minute intervals.</summary>
    private static Gen<SensorReport[]> Reports() =>
        from count in Gen.Choose(1, 12)
        from states in Gen.ArrayOf(Gen.Elements(DeskStates.Free, DeskStates.Occupied), count)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 600), count)
        select states.Select((state, i) => new SensorReport(state, Start + (1000L * gaps.Take(i + 1).Sum()))).ToArray();

    private static Gen<DeliveryStep> Step() =>
        Gen.Frequency(
            (6, Gen.Choose(0, DeskCount - 1).Select(desk => (DeliveryStep)new DeliveryStep.Next(desk))),
            (2, from desk in Gen.Choose(0, DeskCount - 1) from back in Gen.Choose(0, 4) select (DeliveryStep)new DeliveryStep.Again(desk, back)),
            (1, Gen.Elements(true, false).Select(checkpoint => (DeliveryStep)new DeliveryStep.Restart(checkpoint))));
}
