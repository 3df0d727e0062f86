using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Occupancy.Firmware.NanoCheck;

namespace Occupancy.Firmware.Core.Tests.NanoCheck;

/// <summary>
/// The firmware core compiled against nanoFramework's mscorlib (Occupancy.Firmware.Nano, built
/// with these tests) is what a device could run: no desktop framework, no generics.
/// </summary>
public sealed class NanoBuildTests
{
    // nanoFramework signs its assemblies with this key; the desktop mscorlib's token is b77a5c561934e089.
    private const string NanoFrameworkPublicKeyToken = "C07D481E9758C731";

    private static string NanoAssembly
    {
        get
        {
            string configuration = typeof(NanoBuildTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryRoot.Find(), "firmware", "Occupancy.Firmware.Nano", "bin", configuration, "netstandard2.0", "Occupancy.Firmware.Nano.dll");
        }
    }

    [Fact]
    public void NanoBuild_Exists()
    {
        Assert.True(File.Exists(NanoAssembly), $"{NanoAssembly} is missing: build tests/Occupancy.Firmware.Core.Tests, which builds firmware/Occupancy.Firmware.Nano.");
    }

    [Fact]
    public void NanoBuild_ReferencesOnlyNanoFrameworksMscorlib()
    {
        using var stream = File.OpenRead(NanoAssembly);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();

        var references = reader.AssemblyReferences
            .Select(reader.GetAssemblyReference)
            .Select(r => (Name: reader.GetString(r.Name), r.Version, Token: Convert.ToHexString(reader.GetBlobBytes(r.PublicKeyOrToken))))
            .ToList();

        var mscorlib = Assert.Single(references);
        Assert.Equal("mscorlib", mscorlib.Name);
        Assert.Equal(NanoFrameworkPublicKeyToken, mscorlib.Token);
        Assert.Equal(1, mscorlib.Version.Major);
    }

    [Fact]
    public void NanoBuild_HasNothingTheStableRuntimeCannotRun()
    {
        Assert.Empty(GenericsFinder.Find(NanoAssembly));
    }

    [Fact]
    public void GenericsFinder_OnAnAssemblyThatUsesGenerics_ReportsThem()
    {
        var problems = GenericsFinder.Find(typeof(NanoBuildTests).Assembly.Location);

        Assert.Contains(problems, p => p.StartsWith("generic instantiation", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MethodSpec", StringComparison.Ordinal));
    }

    [Fact]
    public void GenericsFinder_OnGenericDefinitions_ReportsThemByName()
    {
        var problems = GenericsFinder.Find(typeof(NanoBuildTests).Assembly.Location);

        Assert.Contains($"generic type {typeof(GenericSample<>).Namespace}.GenericSample`1", problems);
        Assert.Contains($"generic method {typeof(GenericSample<>).Namespace}.GenericSample`1.Echo", problems);
    }
}
