namespace Occupancy.Bench.DashboardLoad;

// The parts of the dashboard hub's messages the benchmark reads (Occupancy.Server.Models, by JSON shape).
internal sealed record DeskStateView(string SpaceId, string FloorId, string Id, string State);

internal sealed record PlanDesk(string Id);

internal sealed record FloorPlanMessage(string Id, PlanDesk[] Desks);
