namespace MicroOS.Shared.Contracts
{
    // The system servers' messages (issue 8): Names, Supervisor, the Debug contract every server
    // answers, and the console. Clients and servers compile against these definitions only.
    // Text travels in the IPC buffer payload (ASCII, tag length = bytes); words in W0..W3.

    // Names: endpoints by name. A name is 1..32 ASCII bytes [a-z0-9-] in the payload.
    //   Register(name) + endpoint cap          -> W0 = 0, or an error (NamesError)
    //   Lookup(name)                           -> W0 = 0 and the endpoint cap (in the caller's receive slot), or NotFound
    // Registering a name needs the badge Init gives the system servers (SystemBadge): an unbadged or
    // other-badged caller gets NotPermitted. Re-registering a name replaces it (a restarted server).
    public static class NamesContract
    {
        public const uint Register = 1;
        public const uint Lookup = 2;
        public const ulong SystemBadge = 0x5157;
        public const int MaxName = 32;
    }

    public enum NamesError : ulong { Ok = 0, NotFound = 1, NotPermitted = 2, BadName = 3, Full = 4 }

    // Supervisor (MINIX 3's reincarnation server). Requests name a server by its manifest name or pid
    // in the payload ("serial", "3").
    //   List                 -> payload: one line per server, "pid name state restarts useKiB sent received limitKiB\n"
    //   Kill(target)         -> W0 = 0, or SupervisorError (init and supervisor are refused: Refused)
    //   Restart(target)      -> W0 = 0: killed if running, started again with the same capabilities
    //   Crash(target), W1 = CrashKind -> W0 = 0: the target was told to crash (Debug contract)
    //   Caps(target)         -> payload: one line per capability, "slot type rights badge object\n"
    public static class SupervisorContract
    {
        public const uint List = 1;
        public const uint Kill = 2;
        public const uint Restart = 3;
        public const uint Crash = 4;
        public const uint Caps = 5;
    }

    public enum SupervisorError : ulong { Ok = 0, NoSuchServer = 1, Refused = 2, NotRunning = 3, BadRequest = 4 }

    // Every server (the template's ServerBase) answers these on its own endpoint besides its contract.
    //   Ping               -> W0 = W0 + 1 (the supervisor's heartbeat)
    //   Crash, W0 = kind   -> no reply: the server does what the kind says
    public static class DebugContract
    {
        public const uint Ping = 0xDB01;
        public const uint Crash = 0xDB02;
    }

    public enum CrashKind : ulong
    {
        Null = 1,       // dereference null (a #PF at 0: killed, or an exception if the runtime catches it — it must not)
        Wild = 2,       // write to a wild address (a #PF far from 0)
        Loop = 3,       // spin forever without answering (the heartbeat must catch it)
        Exit = 4,       // exit with code 3
    }

    // Console: text out (to the VGA screen and the serial line), lines in.
    //   Write(text)        -> W0 = bytes written
    //   ReadLine           -> W0 = 0 and payload: the next line typed on either input path (keyboard or
    //                         serial); or W0 = NoLineYet: wait on the `lineready` notification, which
    //                         the console signals when a line is complete, and ask again. (ReadLine never
    //                         blocks, so the console stays in its receive loop and answers the heartbeat.)
    //   Clear              -> W0 = 0
    public static class ConsoleContract
    {
        public const uint Write = 1;
        public const uint ReadLine = 2;
        public const uint Clear = 3;
        public const ulong NoLineYet = 1;
    }
}
