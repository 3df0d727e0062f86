namespace Occupancy.Firmware.Presence
{
    /// <summary>One target report of an HLK-LD2410 mmWave sensor (basic or engineering mode). Distances in cm, energies 0-100.</summary>
    public sealed class Ld2410Report
    {
        public const int NoTarget = 0;
        public const int MovingTarget = 1;
        public const int StationaryTarget = 2;
        public const int MovingAndStationaryTarget = 3;

        /// <summary>0 none, 1 moving, 2 stationary, 3 both: the sensor's own decision with its gate thresholds.</summary>
        public int TargetState { get; internal set; }

        public int MovingDistanceCm { get; internal set; }

        public int MovingEnergy { get; internal set; }

        public int StationaryDistanceCm { get; internal set; }

        public int StationaryEnergy { get; internal set; }

        public int DetectionDistanceCm { get; internal set; }

        /// <summary>True for engineering-mode frames (which also carry per-gate energies, not kept here).</summary>
        public bool IsEngineering { get; internal set; }

        public bool HasMovingTarget => (TargetState & MovingTarget) != 0;

        public bool HasStationaryTarget => (TargetState & StationaryTarget) != 0;
    }
}
