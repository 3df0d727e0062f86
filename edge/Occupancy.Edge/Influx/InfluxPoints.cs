using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Influx;

/// <summary>
/// The line protocol the edge writes (see docs/data-model.md). Timestamps come from the
/// device, never from write time, so a retried batch overwrites itself instead of duplicating.
/// </summary>
public sealed class InfluxPoints(string siteId)
{
    public const string DeskStateMeasurement = "desk_state";
    public const string DoorContactMeasurement = "door_contact";

    public string DeskState(DeskChange change)
    {
        var point = PointData.Measurement(DeskStateMeasurement)
            .Tag("site", siteId)
            .Tag("floor", change.FloorId)
            .Tag("zone", change.Zone)
            .Tag("desk", change.DeskId)
            .Field("state", change.State)
            .Timestamp(change.TimestampMs, WritePrecision.Ms);
        if (change.State != DeskStates.Unknown)
        {
            point = point.Field("occupied", change.State == DeskStates.Occupied ? 1L : 0L);
        }

        return point.ToLineProtocol();
    }

    public string DoorContact(DoorContactEvent contact) =>
        PointData.Measurement(DoorContactMeasurement)
            .Tag("site", siteId)
            .Tag("door", contact.DoorId)
            .Field("open", contact.IsOpen)
            .Timestamp(contact.TimestampMs, WritePrecision.Ms)
            .ToLineProtocol();
}
