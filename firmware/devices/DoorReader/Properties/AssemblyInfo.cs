using System.Reflection;

[assembly: AssemblyTitle("Occupancy.DoorReader")]
[assembly: AssemblyProduct("Occupancy")]
[assembly: AssemblyVersion("1.0.0.0")]
