namespace Occupancy.Firmware.Presence
{
    /// <summary>A presence input whose threshold the remote <c>sensitivity</c> setting (0-100) moves.</summary>
    public interface ISensitivityAdjustable
    {
        void SetSensitivity(int percent);
    }
}
