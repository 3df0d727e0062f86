namespace Occupancy.Edge.Tests;

/// <summary>A folder that exists for one test and is deleted after it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("occupancy-edge-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping service; the OS temp cleanup takes it.
        }
    }
}
