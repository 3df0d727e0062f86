namespace Occupancy.Firmware.Core.Tests.NanoCheck;

/// <summary>A generic type and method the check must find in this (test) assembly.</summary>
internal sealed class GenericSample<T>
{
    public static TValue Echo<TValue>(TValue value) => value;
}
