namespace MicroOS.Shared.Contracts
{
    // Init's own endpoint (manifest name `init`), for the supervisor only (its badge): Init holds the
    // boot images and the endpoints the system servers share, so a restart goes through it.
    //   Restart -> the new process's pid (its Process cap lands in `slot` of the supervisor, rights
    //              r m), or a negative SyscallError, or UnknownName
    [Contract]
    public partial interface IInit
    {
        long Restart(int slot, string name);
    }

    public static class InitContract
    {
        public const ulong SupervisorBadge = 0x1417;
        public const long UnknownName = -100;
    }
}
