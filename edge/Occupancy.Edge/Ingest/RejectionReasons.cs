namespace Occupancy.Edge.Ingest;

/// <summary>Why the edge refused a device message; the names are metric and log labels.</summary>
public static class RejectionReasons
{
    public const string MalformedTopic = "malformed-topic";
    public const string ForeignTopic = "foreign-topic";
    public const string UnknownDevice = "unknown-device";
    public const string Oversized = "oversized";
    public const string MalformedPayload = "malformed-payload";
    public const string UnsupportedChannel = "unsupported-channel";

    /// <summary>A door request reached an edge without door keys (Access:DoorMasterKey, Access:NetworkKey).</summary>
    public const string AccessNotConfigured = "access-not-configured";

    /// <summary>A door request reused the nonce of an earlier, different request: never decided, as its answer would open for the other.</summary>
    public const string ReusedNonce = "reused-nonce";

    /// <summary>A door's answer was decided and recorded but could not be published to it.</summary>
    public const string CommandNotSent = "command-not-sent";

    /// <summary>A valid message the outbox could not write to disk (full disk, I/O error): the device should send it again.</summary>
    public const string NotRecorded = "not-recorded";
}
