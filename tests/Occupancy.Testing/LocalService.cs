namespace Occupancy.Testing;

/// <summary>
/// What every real service a test starts has in common: one process at a time, started and
/// probed until ready, stopped gracefully or killed like a crash, restarted on the same port
/// with the same data. Subclasses say how to launch the process and how to tell it is ready.
/// </summary>
public abstract class LocalService(string name, TimeSpan readyTimeout, TimeSpan stopGrace) : IAsyncDisposable
{
    /// <summary>How often a start is retried when another test took the chosen port first.</summary>
    protected const int StartAttempts = 3;

    private ServiceProcess? _process;

    public int ProcessId => Running.Id;

    /// <summary>The last lines the service printed, for diagnosing a failing test.</summary>
    public string OutputTail => _process?.Tail ?? "";

    private ServiceProcess Running => _process ?? throw new InvalidOperationException($"{name} is not running.");

    /// <summary>Stops the service gracefully (SIGTERM, then a kill after the grace period); data and port stay for <see cref="RestartAsync"/>.</summary>
    public virtual async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync(stopGrace);
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Kills the service without warning, as a crash would; its data stays.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            await process.KillAsync();
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Stops the service if running and starts it again on the same port with the same data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        DeleteFiles();
        GC.SuppressFinalize(this);
    }

    private protected abstract ServiceProcess Launch();

    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    /// <summary>Removes the service's temporary folders once it is gone.</summary>
    protected abstract void DeleteFiles();

    protected async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        _process = Launch();
        await _process.WaitUntilReadyAsync(IsReadyAsync, readyTimeout, cancellationToken);
    }

    /// <summary>
    /// Starts a service made by <paramref name="create"/> (on freshly chosen ports each attempt) and prepared by
    /// <paramref name="prepare"/>; when another test took a chosen port first, tries again with a new one. A service
    /// that fails to start is disposed, its files deleted.
    /// </summary>
    protected static async Task<TService> StartOnFreePortsAsync<TService>(
        Func<TService> create,
        CancellationToken cancellationToken,
        Func<TService, CancellationToken, Task>? prepare = null)
        where TService : LocalService
    {
        for (var attempt = 1; ; attempt++)
        {
            var service = create();
            try
            {
                if (prepare is not null)
                {
                    await prepare(service, cancellationToken);
                }

                await service.StartProcessAsync(cancellationToken);
                return service;
            }
            catch (ServiceStartException ex) when (attempt < StartAttempts && IsPortConflict(ex))
            {
                // Another test took the port between asking for it and the service binding it: try fresh ones.
                await service.DisposeAsync();
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }
    }

    protected static bool IsPortConflict(ServiceStartException exception) =>
        exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("could not bind", StringComparison.OrdinalIgnoreCase);

    protected static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
