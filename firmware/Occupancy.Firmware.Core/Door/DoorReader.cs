using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// A door reader. A tap publishes an access request with a fresh nonce and waits for the
    /// edge's signed command bound to it: a grant releases the lock (green LED, short beep), a
    /// deny or no valid answer in time keeps it locked (red LED, long beep) — or, for fail-safe
    /// doors, no answer releases it. Forged, replayed, expired and misaddressed commands are
    /// ignored and reported. The contact raises <c>forced</c> and <c>held-open</c> alarms.
    /// The loop calls <see cref="Poll"/> every 50 ms or so, <see cref="OnConnected"/> after each
    /// (re)connection and <see cref="OnMessage"/> for messages on <see cref="SubscriptionTopics"/>.
    /// </summary>
    public sealed class DoorReader
    {
        private readonly DeviceRuntime _runtime;
        private readonly DoorReaderOptions _options;
        private readonly DoorHardware _hardware;
        private readonly CommandCheck _check;
        private readonly IRandomSource _random;
        private readonly AccessRequests _requests = new AccessRequests();
        private readonly DoorWatch _door;
        private readonly TimedOutput _relay;
        private readonly TimedOutput _green;
        private readonly TimedOutput _red;
        private readonly TimedOutput _buzzer;
        private long _releasedUntilMs = long.MinValue;
        private Credential _lastCredential = null!;
        private long _lastTapAtMs;
        private bool _exitWasPressed;

        public DoorReader(DeviceRuntime runtime, DoorReaderOptions options, DoorHardware hardware, CommandSigner signer, IRandomSource random)
        {
            if (runtime == null || options == null || hardware == null || signer == null || random == null)
            {
                throw new System.ArgumentException("a door reader needs its runtime, options, hardware, command signer and random source");
            }

            if (runtime.Identity.Kind != DeviceKinds.Door)
            {
                throw new System.ArgumentException("a door reader needs a door identity");
            }

            _runtime = runtime;
            _options = options.Copy();
            _hardware = hardware;
            _check = new CommandCheck(runtime, signer, _requests);
            _random = random;
            _runtime.HeartbeatMs = _options.HeartbeatMs;

            // Boot locked, lights and buzzer off, whatever the pins held before.
            _relay = new TimedOutput(hardware.LockRelay);
            _green = new TimedOutput(hardware.GreenLed);
            _red = new TimedOutput(hardware.RedLed);
            _buzzer = new TimedOutput(hardware.Buzzer);
            _door = new DoorWatch(runtime, hardware.Contact);
        }

        public DeviceRuntime Runtime => _runtime;

        public bool IsOpen => _door.IsOpen;

        /// <summary>The lock relay is energised: the door can be opened.</summary>
        public bool IsUnlocked => _relay.IsOn;

        public bool IsForcedAlarmActive => _door.IsForced;

        public bool IsHeldOpenAlarmActive => _door.IsHeldOpen;

        public bool HasPendingRequest => _requests.HasPending;

        /// <summary>The nonce of the request waiting for an answer, or null.</summary>
        public string PendingNonce => _requests.PendingNonce;

        /// <summary>Uptime at which the pending request times out.</summary>
        public long PendingDeadlineMs => _requests.DeadlineMs;

        public int UnlockMs => _options.UnlockMs;

        public int DecisionTimeoutMs => _options.DecisionTimeoutMs;

        public int HeldOpenMs => _options.HeldOpenMs;

        public bool FailSafe => _options.FailSafe;

        /// <summary>Verified grants acted on, since boot.</summary>
        public long Granted { get; private set; }

        /// <summary>Verified denies acted on, since boot.</summary>
        public long Denied { get; private set; }

        /// <summary>Requests that got no valid answer in time, since boot.</summary>
        public long TimedOut { get; private set; }

        /// <summary>Exit-button releases, since boot.</summary>
        public long Exits { get; private set; }

        public long ForcedAlarms => _door.ForcedAlarms;

        public long HeldOpenAlarms => _door.HeldOpenAlarms;

        public string[] SubscriptionTopics() => _runtime.SubscriptionTopics();

        public void Poll()
        {
            long now = _runtime.Clock.UptimeMs;
            PollExitButton(now);
            Credential credential;
            if (_hardware.CardReader.TryRead(out credential))
            {
                OnTap(credential, now);
            }

            if (_requests.HasPending && now >= _requests.DeadlineMs)
            {
                NoAnswer(now);
            }

            bool released = _relay.IsOn || now <= _releasedUntilMs;
            if (_door.Update(now, released, _options.HeldOpenMs) && _relay.IsOn)
            {
                // One release, one passage: relock as soon as the door shuts again, so nobody follows later.
                _relay.Off();
                _green.Off();
            }

            _relay.Update(now);
            _green.Update(now);
            _red.Update(now);
            _buzzer.Update(now);
            _runtime.Poll();
        }

        /// <summary>Announces the reader, sends what waited offline (or else the contact state), then a heartbeat.</summary>
        public void OnConnected()
        {
            _runtime.OnConnected();
            if (!_runtime.HasQueued(Channels.DoorContact))
            {
                _door.QueueContact();
            }

            _runtime.SendHealth();
        }

        /// <summary>A message on one of the reader's topics: its <c>config</c> or a <c>cmd/unlock</c>.</summary>
        public void OnMessage(string topic, string payload, bool retained)
        {
            string channel;
            if (!_runtime.TryGetOwnChannel(topic, out channel))
            {
                return;
            }

            if (channel == Channels.Unlock)
            {
                OnUnlockCommand(payload, retained);
            }
            else if (channel == Channels.Config)
            {
                ApplyConfig(payload);
            }
        }

        private void OnTap(Credential credential, long now)
        {
            if (credential == null || !credential.IsValid() || _requests.HasPending)
            {
                return;
            }

            if (credential.SameAs(_lastCredential) && now - _lastTapAtMs < _options.RepeatTapIgnoreMs)
            {
                return;
            }

            _lastCredential = credential;
            _lastTapAtMs = now;
            string nonce = Nonces.New(_random);

            // Queued even offline, so the edge can audit the attempt once the reader is back.
            _runtime.Enqueue(Channels.AccessRequest, new AccessRequestMessage(nonce, credential, _runtime.NextHeader()).Encode());
            _requests.Start(nonce, now + _options.DecisionTimeoutMs);
            if (!_runtime.IsConnected)
            {
                // No answer can come: decide now rather than keep the person waiting.
                NoAnswer(now);
            }
        }

        private void OnUnlockCommand(string payload, bool retained)
        {
            UnlockCommand command;
            string reason = _check.Reject(payload, retained, out command);
            if (reason != null)
            {
                _runtime.ReportCommandRejected(reason, command != null ? command.Nonce : string.Empty);
                return;
            }

            long now = _runtime.Clock.UptimeMs;
            _requests.Answered();
            if (command.IsGrant)
            {
                Granted++;
                Release(now, command.UnlockMs > 0 ? command.UnlockMs : _options.UnlockMs);
                QueueResult(command.Nonce, AccessResults.Granted, true);
            }
            else
            {
                Denied++;
                ShowDenied(now);
                QueueResult(command.Nonce, AccessResults.Denied, false);
            }
        }

        private void NoAnswer(long now)
        {
            string nonce = _requests.PendingNonce;
            _requests.TimedOut();
            TimedOut++;
            if (_options.FailSafe)
            {
                Release(now, _options.UnlockMs);
                QueueResult(nonce, AccessResults.Timeout, true);
            }
            else
            {
                ShowDenied(now);
                QueueResult(nonce, AccessResults.Timeout, false);
            }
        }

        private void PollExitButton(long now)
        {
            IDigitalInput? button = _hardware.ExitButton;
            if (button == null)
            {
                return;
            }

            bool pressed = button.Read();
            if (pressed && !_exitWasPressed)
            {
                // Leaving is always allowed and decided locally; the edge only hears about it.
                Exits++;
                Release(now, _options.UnlockMs);
                QueueResult(string.Empty, AccessResults.Exit, true);
            }

            _exitWasPressed = pressed;
        }

        private void Release(long now, long durationMs)
        {
            _relay.OnFor(now, durationMs);
            _red.Off();
            _green.OnFor(now, durationMs);
            _buzzer.OnFor(now, _options.GrantBeepMs);
            _releasedUntilMs = now + durationMs + _options.OpenGraceMs;
        }

        private void ShowDenied(long now)
        {
            _green.Off();
            _red.OnFor(now, _options.DenyLightMs);
            _buzzer.OnFor(now, _options.DenyBeepMs);
        }

        private void QueueResult(string nonce, string result, bool unlocked)
        {
            _runtime.Enqueue(Channels.AccessResult, new AccessResultMessage(nonce, result, unlocked, _runtime.NextHeader()).Encode());
        }

        private void ApplyConfig(string payload)
        {
            DoorConfigMessage config;
            ConfigRejection rejection;
            if (!DoorConfigMessage.TryDecode(payload, out config, out rejection))
            {
                _runtime.ReportConfigRejected(rejection);
                return;
            }

            bool changed = config.Rev != _runtime.ConfigRev;
            _options.UnlockMs = config.UnlockMs;
            _options.DecisionTimeoutMs = config.DecisionTimeoutMs;
            _options.HeldOpenMs = config.HeldOpenMs;
            _options.FailSafe = config.FailSafe;
            _options.HeartbeatMs = config.HeartbeatMs;
            _runtime.HeartbeatMs = config.HeartbeatMs;
            _runtime.ConfigRev = config.Rev;
            if (changed)
            {
                _runtime.SendHealth();
            }
        }
    }
}
