namespace Occupancy.Bench.Heatmap;

/// <summary>A desk of the benchmark space; <see cref="Place"/> is its position among the 100 desks of its floor.</summary>
internal sealed record BenchDesk(string Id, string FloorId, string Zone, int Place);
