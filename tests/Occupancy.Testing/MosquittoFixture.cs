using Xunit;

namespace Occupancy.Testing;

/// <summary>One mosquitto shared by the tests of a class or collection; override <see cref="CreateOptionsAsync"/> to configure it.</summary>
public class MosquittoFixture : IAsyncLifetime
{
    private MosquittoServer? _server;

    public MosquittoServer Server => _server ?? throw new InvalidOperationException("The fixture has not started yet.");

    public async Task InitializeAsync() => _server = await MosquittoServer.StartAsync(await CreateOptionsAsync());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected virtual Task<MosquittoOptions> CreateOptionsAsync() => Task.FromResult(new MosquittoOptions());
}
