using MicroOS.Shared.User;

namespace MicroOS.Shared.Contracts
{
    // Init's own endpoint (manifest name `init`), for the supervisor only (its badge): Init holds the
    // boot images and the endpoints the system servers share, so a restart goes through it.
    //   Restart -> the new process's pid (its Process cap lands in `slot` of the supervisor, rights
    //              r m), or a negative SyscallError, or UnknownName
    //   Update  -> the new process's pid, or a negative SyscallError (InvalidArgument: the loader
    //              refused the image; OutOfMemory: it does not fit Init's budget), or UnknownName.
    //              The first `length` bytes of `image` (a RAM frame) replace NAME's image: checked
    //              by the loader first (a refusal leaves the old server running, untouched), then
    //              the old server is asked for its state (IDebug.HandOver), killed, and the new one
    //              gets its capabilities in the same slots (the same endpoint objects: Names and
    //              every client's caps stay valid) and the state. Later restarts use the new image.
    //              handedOver: the state's bytes, or -1 when the old server did not take the hand-over.
    [Contract]
    public partial interface IInit
    {
        long Restart(int slot, string name);
        long Update(int slot, string name, ulong length, FrameCap image, out long handedOver);
    }

    public static class InitContract
    {
        public const ulong SupervisorBadge = 0x1417;
        public const long UnknownName = -100;
        // An image Init keeps for later restarts is at most this (a frame of Init's own, copied).
        public const ulong MaxImageBytes = 1024 * 1024;
    }
}
