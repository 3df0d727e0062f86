using Occupancy.Edge.Access;

namespace Occupancy.Edge.Extensions;

public static class AccessServiceExtensions
{
    /// <summary>
    /// Registers door access only when both keys are configured: without them the edge cannot sign
    /// an answer, so door requests are refused (and counted) as access-not-configured.
    /// </summary>
    public static IHostApplicationBuilder AddDoorAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var section = builder.Configuration.GetSection(AccessOptions.Section);
        if (string.IsNullOrEmpty(section[nameof(AccessOptions.DoorMasterKey)]) || string.IsNullOrEmpty(section[nameof(AccessOptions.NetworkKey)]))
        {
            return builder;
        }

        builder.Services.AddSingleton<AccessReplicaStore>();
        builder.Services.AddSingleton<PhoneCodeReplayGuard>();
        builder.Services.AddSingleton<AccessDecider>();
        builder.Services.AddSingleton(_ => new RepeatedDenialWatch());
        builder.Services.AddSingleton<AnsweredRequests>();
        builder.Services.AddSingleton<AntiPassback>();
        builder.Services.AddSingleton<DoorAccessService>();

        // Built before the broker starts (hosted services start in order): it restores the taps' memory.
        builder.Services.AddSingleton<AccessJournal>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccessJournal>());
        return builder;
    }
}
