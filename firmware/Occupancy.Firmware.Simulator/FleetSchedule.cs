namespace Occupancy.Firmware.Simulator;

/// <summary>How the simulated people spend their time.</summary>
public enum FleetSchedule
{
    /// <summary>Coworking days in the site's local time: arrivals 8–10, lunch dip, departures 17–20, quiet nights and weekends.</summary>
    Realistic,

    /// <summary>People come and go all the time, scaled to the sensor timings: for short demo timings.</summary>
    Busy,
}
