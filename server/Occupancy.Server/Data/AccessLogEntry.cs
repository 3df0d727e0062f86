namespace Occupancy.Server.Data;

/// <summary>
/// One door decision or alarm as an edge forwarded it. Identifiable (the member's pseudonym, and the member it
/// resolves to), so deleted after the retention period; AccessDailyCount keeps the numbers.
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }

    public required string SpaceId { get; set; }

    /// <summary>Unique per space: the same event forwarded twice is stored once.</summary>
    public required string EventId { get; set; }

    /// <summary>Occupancy.Uplink.AccessEvent kinds: decision, alarm, alarm-cleared.</summary>
    public required string Kind { get; set; }

    public required string DoorId { get; set; }

    public bool Granted { get; set; }

    /// <summary>Why a door opened or stayed shut (granted, revoked, lockdown …), or the alarm's name.</summary>
    public required string Reason { get; set; }

    /// <summary>The member's pseudonym as the edge knows them; empty when the credential was unknown.</summary>
    public string MemberPseudonym { get; set; } = "";

    /// <summary>The member the pseudonym belongs to, resolved on arrival; null when unknown.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>When it happened at the door, epoch ms (the reader's clock).</summary>
    public long TimestampMs { get; set; }

    /// <summary>When the server stored it, epoch ms.</summary>
    public long ReceivedMs { get; set; }
}
