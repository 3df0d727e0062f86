namespace Occupancy.Testing.Tests;

public sealed class RequiredCommandTests
{
    [Fact]
    public void RequiredCommand_ForAMissingProgram_NamesTheInstallCommand()
    {
        var error = Assert.Throws<MissingServiceException>(
            () => RequiredCommand.Locate("occupancy-no-such-daemon", "occupancy-no-such-package"));

        Assert.Contains("occupancy-no-such-daemon not found", error.Message);
        Assert.Contains("apt-get install -y occupancy-no-such-package", error.Message);
    }

    [Fact]
    public void RequiredCommand_FindsADaemonInSbinEvenWhenPathLacksIt()
    {
        var path = RequiredCommand.Locate("mosquitto", "mosquitto");

        Assert.True(Path.IsPathRooted(path));
        Assert.True(File.Exists(path));
    }
}
