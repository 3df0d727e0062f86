namespace Occupancy.Bench.Common;

/// <summary>Where another project's build output lies, seen from a benchmark's own build output.</summary>
public static class BuildOutput
{
    // bench/Occupancy.Bench.X/bin/{Configuration}/net10.0/ → the repository root, five folders up.
    private static readonly DirectoryInfo Here = new(AppContext.BaseDirectory);

    public static string RepoRoot { get; } = Path.GetFullPath(Path.Combine(Here.FullName, "..", "..", "..", "..", ".."));

    /// <summary>The benchmark's own configuration (Release under <c>./occupancy bench</c>); the other project is looked up in the same one.</summary>
    public static string Configuration { get; } = Here.Parent!.Name;

    /// <summary>The edge's assembly (edge/Occupancy.Edge).</summary>
    public static string EdgeDll() => Dll(Path.Combine("edge", "Occupancy.Edge"));

    /// <summary>The server's assembly (server/Occupancy.Server).</summary>
    public static string ServerDll() => Dll(Path.Combine("server", "Occupancy.Server"));

    private static string Dll(string projectFolder)
    {
        string name = Path.GetFileName(projectFolder);
        string dll = Path.Combine(RepoRoot, projectFolder, "bin", Configuration, "net10.0", name + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{name} is not built ({Configuration}); ./occupancy bench builds it", dll);
    }
}
