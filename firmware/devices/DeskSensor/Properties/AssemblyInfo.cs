using System.Reflection;

[assembly: AssemblyTitle("Occupancy.DeskSensor")]
[assembly: AssemblyProduct("Occupancy")]
[assembly: AssemblyVersion("1.0.0.0")]
