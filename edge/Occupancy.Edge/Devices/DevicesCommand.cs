using System.Text.Json;

namespace Occupancy.Edge.Devices;

/// <summary>
/// <c>Occupancy.Edge devices …</c>: provision, list and revoke device logins in an edge's data
/// folder, for installers and for the demo. A generated secret is printed once and not stored.
/// </summary>
public static class DevicesCommand
{
    public const string Name = "devices";

    private const string Usage = """
        usage: Occupancy.Edge devices --data-dir DIR provision DEVICE-ID... [--secret S]
               Occupancy.Edge devices --data-dir DIR provision --network FILE --site ID [--secret S]
               Occupancy.Edge devices --data-dir DIR revoke DEVICE-ID...
               Occupancy.Edge devices --data-dir DIR list
        Without --secret, each device gets a new random secret, printed once as "device-id secret".
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = Arguments.Parse(args);
        if (options is null || options.DataDirectory is null)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var registry = new DeviceRegistry(options.DataDirectory);
        switch (options.Verb)
        {
            case "list":
                foreach (var id in registry.DeviceIds())
                {
                    output.WriteLine(id);
                }

                return 0;

            case "revoke" when options.DeviceIds.Count > 0:
                foreach (var id in options.DeviceIds)
                {
                    output.WriteLine(registry.Revoke(id) ? $"{id} revoked" : $"{id} was not registered");
                }

                return 0;

            case "provision":
                var ids = options.NetworkFile is null ? options.DeviceIds : DevicesOfSite(options.NetworkFile, options.Site);
                if (ids.Count == 0 || ids.Any(id => !Firmware.Contract.Ids.IsValid(id)))
                {
                    error.WriteLine("provision needs device ids of 1-32 characters [a-z0-9-], or --network FILE --site ID");
                    return 2;
                }

                foreach (var id in ids)
                {
                    string secret = registry.Provision(id, options.Secret);
                    output.WriteLine(options.Secret is null ? $"{id} {secret}" : id);
                }

                return 0;

            default:
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static List<string> DevicesOfSite(string networkFile, string? site)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(networkFile));
        var ids = new List<string>();
        foreach (var space in document.RootElement.GetProperty("spaces").EnumerateArray())
        {
            if (space.GetProperty("id").GetString() != site)
            {
                continue;
            }

            foreach (var floor in space.GetProperty("floors").EnumerateArray())
            {
                ids.AddRange(floor.GetProperty("desks").EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()!));
            }

            ids.AddRange(space.GetProperty("doors").EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()!));
        }

        return ids;
    }

    private sealed record Arguments(string Verb, string? DataDirectory, List<string> DeviceIds, string? Secret, string? NetworkFile, string? Site)
    {
        public static Arguments? Parse(string[] args)
        {
            string? verb = null, data = null, secret = null, network = null, site = null;
            var ids = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                string? Value() => i + 1 < args.Length ? args[++i] : null;
                switch (args[i])
                {
                    case "--data-dir": data = Value(); break;
                    case "--secret": secret = Value(); break;
                    case "--network": network = Value(); break;
                    case "--site": site = Value(); break;
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal))
                        {
                            return null;
                        }

                        if (verb is null)
                        {
                            verb = args[i];
                        }
                        else
                        {
                            ids.Add(args[i]);
                        }

                        break;
                }
            }

            return verb is null ? null : new Arguments(verb, data, ids, secret, network, site);
        }
    }
}
