namespace MicroOS.Shared.Contracts
{
    // Init's own endpoint (manifest name `init`), for the supervisor only (its badge): Init holds the
    // boot images and the endpoints the system servers share, so a restart goes through it.
    //   Restart(name), W0 = slot  -> W0 = pid (the new process's Process cap lands in that slot of
    //                               the supervisor, rights r m), or a negative SyscallError / -100 unknown name
    public static class InitContract
    {
        public const uint Restart = 1;
        public const ulong SupervisorBadge = 0x1417;
        public const long UnknownName = -100;
    }
}
