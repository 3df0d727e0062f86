namespace Occupancy.EndToEnd.Tests.Deployment;

/// <summary>
/// The <c>[Service]</c> settings of one of the repository's systemd units (<c>deploy/systemd/</c>), read as systemd
/// reads them for what the tests use: a key's last value wins, <c>Environment=</c> lines add up.
/// </summary>
internal sealed class ServiceUnit
{
    private readonly List<(string Key, string Value)> _settings;

    private ServiceUnit(string path, List<(string Key, string Value)> settings)
    {
        Path = path;
        _settings = settings;
    }

    public string Path { get; }

    public static string Folder => System.IO.Path.Combine(RepositoryRoot.Path, "deploy", "systemd");

    public static ServiceUnit Load(string fileName)
    {
        string path = System.IO.Path.Combine(Folder, fileName);
        var settings = new List<(string, string)>();
        string section = "";
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line;
            }
            else if (section == "[Service]" && line.Length > 0 && !line.StartsWith('#') && line.IndexOf('=') is > 0 and var at)
            {
                settings.Add((line[..at], line[(at + 1)..]));
            }
        }

        return new ServiceUnit(path, settings);
    }

    public string this[string key] =>
        _settings.LastOrDefault(s => s.Key == key).Value ?? throw new KeyNotFoundException($"{System.IO.Path.GetFileName(Path)} has no {key}=");

    /// <summary>Where systemd keeps the service's data: <c>StateDirectory=</c> is relative to /var/lib.</summary>
    public string StateDirectory => "/var/lib/" + this["StateDirectory"];

    /// <summary>The variables of every <c>Environment=KEY=value</c> line.</summary>
    public Dictionary<string, string> Environment() =>
        _settings.Where(s => s.Key == "Environment").Select(s => s.Value.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);

    /// <summary>An environment file (<c>KEY=value</c> lines, <c>#</c> comments), as <c>EnvironmentFile=</c> reads it.</summary>
    public static Dictionary<string, string> ReadEnvironmentFile(string path) =>
        File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
}
