using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// The door contact: reports each open and close, raises <c>forced</c> when the door opens
    /// while nothing released it, <c>held-open</c> when it stays open too long, and clears both
    /// when it closes.
    /// </summary>
    internal sealed class DoorWatch
    {
        private readonly DeviceRuntime _runtime;
        private readonly IDigitalInput _contact;
        private long _openedAtMs;

        public DoorWatch(DeviceRuntime runtime, IDigitalInput contact)
        {
            _runtime = runtime;
            _contact = contact;
            IsOpen = contact.Read();
            _openedAtMs = runtime.Clock.UptimeMs;
        }

        public bool IsOpen { get; private set; }

        /// <summary>This opening followed a grant, a fail-safe release or the exit button.</summary>
        public bool OpenedWhileReleased { get; private set; }

        public bool IsForced { get; private set; }

        public bool IsHeldOpen { get; private set; }

        public long ForcedAlarms { get; private set; }

        public long HeldOpenAlarms { get; private set; }

        /// <summary>Reads the contact; true when the door just closed after an opening that was released.</summary>
        public bool Update(long nowMs, bool released, long heldOpenMs)
        {
            bool closedAfterEntry = false;
            bool open = _contact.Read();
            if (open != IsOpen)
            {
                IsOpen = open;
                QueueContact();
                if (open)
                {
                    _openedAtMs = nowMs;
                    OpenedWhileReleased = released;
                    if (!released)
                    {
                        IsForced = true;
                        ForcedAlarms++;
                        QueueAlarm(Alarms.Forced, true, 0);
                    }
                }
                else
                {
                    long openMs = nowMs - _openedAtMs;
                    if (IsForced)
                    {
                        IsForced = false;
                        QueueAlarm(Alarms.Forced, false, openMs);
                    }

                    if (IsHeldOpen)
                    {
                        IsHeldOpen = false;
                        QueueAlarm(Alarms.HeldOpen, false, openMs);
                    }

                    closedAfterEntry = OpenedWhileReleased;
                    OpenedWhileReleased = false;
                }
            }

            if (IsOpen && !IsHeldOpen && nowMs - _openedAtMs >= heldOpenMs)
            {
                IsHeldOpen = true;
                HeldOpenAlarms++;
                QueueAlarm(Alarms.HeldOpen, true, nowMs - _openedAtMs);
            }

            return closedAfterEntry;
        }

        public void QueueContact()
        {
            _runtime.Enqueue(Channels.DoorContact, new DoorContactMessage(IsOpen, _runtime.NextHeader()).Encode());
        }

        private void QueueAlarm(string alarm, bool active, long openMs)
        {
            _runtime.Enqueue(Channels.Alarm, new AlarmMessage(alarm, active, openMs, _runtime.NextHeader()).Encode());
        }
    }
}
