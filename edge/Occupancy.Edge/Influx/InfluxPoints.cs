using System.Globalization;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Usage;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Influx;

/// <summary>
/// The line protocol the edge writes (see docs/data-model.md). Timestamps come from the
/// device, never from write time, so a retried batch overwrites itself instead of duplicating.
/// Not thread-safe: one writer uses it.
/// </summary>
public sealed class InfluxPoints(string siteId)
{
    /// <summary>Three states for each of this many desks and more: far beyond a site, small in memory (a line each).</summary>
    private const int MaxCachedSeries = 100_000;

    private readonly Dictionary<(string Desk, string Floor, string Zone, string State), string> _deskStateSeries = [];

    public const string DeskStateMeasurement = "desk_state";
    public const string DoorContactMeasurement = "door_contact";
    public const string DeskUsageMeasurement = "desk_usage";
    public const string DeviceHealthMeasurement = "device_health";
    public const string DoorAlarmMeasurement = "door_alarm";
    public const string DoorAccessResultMeasurement = "door_access_result";
    public const string DeviceRejectionMeasurement = "device_rejection";
    public const string AccessDecisionMeasurement = "access_decision";

    /// <summary>
    /// A desk's state line differs from the desk's previous ones only in its timestamp: PointData builds the rest once
    /// per desk, place and state (building a point copies its sorted tags and fields at every step, which showed in
    /// profiles as the writer's largest cost per event), and the millisecond timestamp is appended as PointData would.
    /// </summary>
    public string DeskState(DeskChange change)
    {
        var key = (change.DeskId, change.FloorId, change.Zone, change.State);
        if (!_deskStateSeries.TryGetValue(key, out string? untimed))
        {
            var point = SitePoint(DeskStateMeasurement)
                .Tag("floor", change.FloorId)
                .Tag("zone", change.Zone)
                .Tag("desk", change.DeskId)
                .Field("state", change.State);
            if (change.State != DeskStates.Unknown)
            {
                point = point.Field("occupied", change.State == DeskStates.Occupied ? 1L : 0L);
            }

            untimed = point.ToLineProtocol();
            if (_deskStateSeries.Count >= MaxCachedSeries)
            {
                _deskStateSeries.Clear(); // desks moved or renamed many times over: start again rather than grow
            }

            _deskStateSeries[key] = untimed;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{untimed} {change.TimestampMs}");
    }

    public string DoorContact(DoorContactEvent contact) =>
        SitePoint(DoorContactMeasurement)
            .Tag("door", contact.DoorId)
            .Field("open", contact.IsOpen)
            .Timestamp(contact.TimestampMs, WritePrecision.Ms)
            .ToLineProtocol();

    public string DeviceHealth(DeviceHealthEvent health)
    {
        var point = SitePoint(DeviceHealthMeasurement)
            .Tag("kind", health.Kind)
            .Tag("device", health.DeviceId)
            .Field("uptime_s", health.UptimeS)
            .Field("reconnects", health.Reconnects)
            .Field("dropped", health.Dropped)
            .Field("queued", health.Queued)
            .Field("fw", health.Firmware)
            .Timestamp(health.TimestampMs, WritePrecision.Ms);
        if (health.RssiDbm is int rssi)
        {
            point = point.Field("rssi_dbm", (long)rssi);
        }

        if (health.SupplyMv is int supply)
        {
            point = point.Field("supply_mv", (long)supply);
        }

        return point.ToLineProtocol();
    }

    public string DoorAlarm(DoorAlarmEvent alarm) =>
        SitePoint(DoorAlarmMeasurement)
            .Tag("door", alarm.DoorId)
            .Tag("alarm", alarm.Alarm)
            .Field("active", alarm.Active)
            .Field("open_ms", alarm.OpenMs)
            .Timestamp(alarm.TimestampMs, WritePrecision.Ms)
            .ToLineProtocol();

    /// <summary>The nonce is a field: it is unique per request and would make a tag's series count grow without end.</summary>
    public string DoorAccessResult(DoorAccessResultEvent result) =>
        SitePoint(DoorAccessResultMeasurement)
            .Tag("door", result.DoorId)
            .Tag("result", result.Result)
            .Field("unlocked", result.Unlocked)
            .Field("nonce", result.Nonce)
            .Timestamp(result.TimestampMs, WritePrecision.Ms)
            .ToLineProtocol();

    public string DeviceRejection(DeviceRejectionEvent rejection) =>
        SitePoint(DeviceRejectionMeasurement)
            .Tag("kind", rejection.Kind)
            .Tag("device", rejection.DeviceId)
            .Tag("subject", rejection.Subject)
            .Tag("reason", rejection.Reason)
            .Field("field", rejection.Field)
            .Field("detail", rejection.Detail)
            .Field("config_rev", rejection.ConfigRev)
            .Field("nonce", rejection.Nonce)
            .Timestamp(rejection.TimestampMs, WritePrecision.Ms)
            .ToLineProtocol();

    /// <summary>The member's pseudonym is a field: members are many, and who came in is not a dimension to group by.</summary>
    public string AccessDecision(AccessDecisionEvent decision) =>
        SitePoint(AccessDecisionMeasurement)
            .Tag("door", decision.DoorId)
            .Tag("reason", decision.Reason)
            .Field("granted", decision.Granted)
            .Field("member", decision.Member)
            .Field("nonce", decision.Nonce)
            .Timestamp(decision.TimestampMs, WritePrecision.Ms)
            .ToLineProtocol();

    /// <summary>One desk's usage in one interval, at the interval's start: a recomputed row overwrites the earlier one.</summary>
    public string DeskUsage(UsageRow row) =>
        SitePoint(DeskUsageMeasurement)
            .Tag("floor", row.FloorId)
            .Tag("zone", row.Zone)
            .Tag("desk", row.DeskId)
            .Field("occupied_s", row.OccupiedMs / 1000.0)
            .Field("known_s", row.KnownMs / 1000.0)
            .Timestamp(row.IntervalStartMs, WritePrecision.Ms)
            .ToLineProtocol();

    /// <summary>Every measurement is tagged with the site first.</summary>
    private PointData SitePoint(string measurement) => PointData.Measurement(measurement).Tag("site", siteId);

    /// <summary>The line of an outbox event.</summary>
    public string Of(EdgeEvent e) => e switch
    {
        DeskChange change => DeskState(change),
        DoorContactEvent contact => DoorContact(contact),
        DeviceHealthEvent health => DeviceHealth(health),
        DoorAlarmEvent alarm => DoorAlarm(alarm),
        DoorAccessResultEvent result => DoorAccessResult(result),
        DeviceRejectionEvent rejection => DeviceRejection(rejection),
        AccessDecisionEvent decision => AccessDecision(decision),
        _ => throw new ArgumentException($"no InfluxDB point for a {e.GetType().Name}", nameof(e)),
    };
}
