namespace Occupancy.Testing;

/// <summary>How a <see cref="MosquittoServer"/> is configured beyond its port.</summary>
public sealed record MosquittoOptions
{
    /// <summary>
    /// Contents of a mosquitto password file (see <see cref="MosquittoPasswordFile.CreateAsync"/>).
    /// When set, anonymous clients are refused.
    /// </summary>
    public string? PasswordFile { get; init; }

    /// <summary>Lines of an ACL file (<c>user NAME</c>, <c>topic readwrite occupancy/#</c>, <c>pattern …</c>).</summary>
    public IReadOnlyList<string> AclLines { get; init; } = [];

    /// <summary>Any other mosquitto.conf lines, appended last.</summary>
    public IReadOnlyList<string> ExtraConfigLines { get; init; } = [];
}
