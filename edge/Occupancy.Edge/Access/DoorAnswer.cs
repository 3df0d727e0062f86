using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Access;

/// <summary>What the edge does about one tap: the decision for the audit log, the signed command for the reader, and whether to raise the repeated-denial alarm.</summary>
public sealed record DoorAnswer(AccessDecision Decision, UnlockCommand Command, string CommandTopic, bool RaiseRepeatedDenialAlarm);
