using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// Decides whether an unlock command may act: never retained, well-formed, for this door,
    /// signed with this door's key, not expired (nor expiring implausibly far ahead), and the
    /// answer to the request the reader is waiting on. Anything else gets a rejection reason.
    /// </summary>
    internal sealed class CommandCheck
    {
        private readonly DeviceRuntime _runtime;
        private readonly CommandSigner _signer;
        private readonly AccessRequests _requests;

        public CommandCheck(DeviceRuntime runtime, CommandSigner signer, AccessRequests requests)
        {
            _runtime = runtime;
            _signer = signer;
            _requests = requests;
        }

        /// <summary>Null when <paramref name="command"/> may act; otherwise a <see cref="RejectionReasons"/> code.</summary>
        public string Reject(string payload, bool retained, out UnlockCommand command)
        {
            string error;
            bool decoded = UnlockCommand.TryDecode(payload, out command, out error);
            if (retained)
            {
                // A retained command would act again on every reconnect: never, even when signed.
                return RejectionReasons.Retained;
            }

            if (!decoded)
            {
                return RejectionReasons.Malformed;
            }

            if (command.Door != _runtime.Identity.DeviceId)
            {
                return RejectionReasons.WrongDoor;
            }

            if (!_signer.Verify(command))
            {
                return RejectionReasons.BadSignature;
            }

            long utcNow = _runtime.Clock.UtcNowMs;
            if (command.ExpiresAtMs < utcNow)
            {
                return RejectionReasons.Expired;
            }

            if (command.ExpiresAtMs > utcNow + UnlockCommand.MaxLifetimeMs)
            {
                return RejectionReasons.ExpiryTooFar;
            }

            return _requests.Check(command.Nonce);
        }
    }
}
