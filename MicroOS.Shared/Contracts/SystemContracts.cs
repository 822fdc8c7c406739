using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Shared.Contracts
{
    // The system servers' contracts (issue 8, issue 16): Names, Supervisor, the Debug contract every
    // server answers, and the console. Each interface is the whole definition: the generator
    // (MicroOS.Build/Contracts) writes its labels, client and dispatcher, so clients and servers
    // compile against these and nothing else. A method returns long: >= 0 the answer, < 0 an error.

    // Names: endpoints by name. A name is 1..32 ASCII bytes [a-z0-9-].
    // Registering needs the badge Init gives the system servers (SystemBadge): an unbadged or
    // other-badged caller gets NotPermitted. Re-registering a name replaces it (a restarted server).
    [Contract]
    public partial interface INames
    {
        long Register(string name, Endpoint endpoint);              // NamesError
        long Lookup(string name, out Endpoint endpoint);            // NamesError; the endpoint on Ok
    }

    public static class NamesContract
    {
        public const uint Register = INames.Labels.Register;        // for clients that build messages by hand (probes)
        public const uint Lookup = INames.Labels.Lookup;
        public const ulong SystemBadge = 0x5157;
        public const int MaxName = 32;
    }

    public enum NamesError : ulong { Ok = 0, NotFound = 1, NotPermitted = 2, BadName = 3, Full = 4, Taken = 5 }

    // Supervisor (MINIX 3's reincarnation server). A target is a server's manifest name or its pid
    // ("serial", "3"). Kill, Restart and Crash answer a SupervisorError (init and the supervisor
    // itself are refused: Refused).
    [Contract]
    public partial interface ISupervisor
    {
        long List(out ServerRecord[] servers);
        long Kill(string target);
        long Restart(string target);                    // killed if running, started again with the same capabilities
        long Crash(CrashKind kind, string target);      // the target was told to crash (Debug contract)
        long CapsOf(string target, out CapRecord[] caps);   // SupervisorError; what the target holds
        // The target replaced by the ELF image in the first `length` bytes of `image` (issue 17 item
        // 5, through Init's Update): SupervisorError (BadImage: the loader refused it, and the old
        // server runs on unchanged; TooLarge: it does not fit); pid: the new process's;
        // handedOver: bytes of state the old server handed its successor, -1 when it did not answer.
        long Update(string target, ulong length, FrameCap image, out long pid, out long handedOver);
    }

    public static class SupervisorContract
    {
        public const uint List = ISupervisor.Labels.List;
        public const uint Kill = ISupervisor.Labels.Kill;
        public const uint Restart = ISupervisor.Labels.Restart;
        public const uint Crash = ISupervisor.Labels.Crash;
        public const uint Caps = ISupervisor.Labels.CapsOf;
        public const uint Update = ISupervisor.Labels.Update;
    }

    public enum SupervisorError : ulong { Ok = 0, NoSuchServer = 1, Refused = 2, NotRunning = 3, BadRequest = 4, BadImage = 5, TooLarge = 6 }

    public enum ServerState : byte { Running = 0, Dead = 1, GivenUp = 2 }

    // One row of `ps`: use is the server's pages and the kernel objects charged to it, limit its
    // budget (docs/capabilities.md); sent and received count its messages.
    public struct ServerRecord
    {
        public int Pid;
        public string Name;
        public ServerState State;
        public int Restarts;
        public ulong UseKiB, Sent, Received, LimitKiB;

        // As `ps` prints it: "pid name state restarts use sent received limit".
        public override string ToString() => string.Concat(
            string.Concat(Pid.ToString(), " ", Name, " ", State == ServerState.Running ? "running" : State == ServerState.GivenUp ? "given-up" : "dead", " ", Restarts.ToString()),
            string.Concat(" ", UseKiB.ToString(), " ", Sent.ToString(), " ", Received.ToString(), " ", LimitKiB.ToString()));
    }

    // One row of `caps`: Device says which hardware a device capability reaches (I/O ports first |
    // count << 16, an IRQ line, a device frame's physical address | pages; 0 otherwise).
    public struct CapRecord
    {
        public ushort Slot;
        public CapType Type;
        public CapRights Rights;
        public ulong Device, Badge, ObjectId;

        // As `caps` prints it: "slot type[:device] rights badge object-id".
        public override string ToString() => string.Concat(
            string.Concat(Slot.ToString(), " ", CapText.TypeName(Type), CapText.Device(Type, Device), " ", CapText.Rights(Rights)),
            string.Concat(" ", Badge.ToString(), " ", ObjectId.ToString()));
    }

    // Every server answers this on its own endpoint besides its contract (ServerLoop, DebugServer.cs).
    // Ping's answer is n + 1 (the supervisor's heartbeat, the shell's `ping`); Crash does what the
    // kind says and does not answer (an unknown kind is answered with -1).
    [Contract]
    public partial interface IDebug
    {
        [Label(0xDB01)] long Ping(ulong n);
        [Label(0xDB02)] long Crash(CrashKind kind);
        // Live update (Init's Update): sent without waiting (endpoint_nbsend: taken only by a server
        // waiting in its receive loop, so no client's call is half done). The server writes its state
        // (Server.HandOverState) into the one-page frame in `slot` (HandOverContract's layout), signals
        // the notification in `slot + 1`, and stops receiving for good: calls made meanwhile wait on
        // the endpoint for its successor. No reply.
        [Label(0xDB03)] long HandOver(ulong slot);
    }

    // The hand-over page: [0] Magic once written (last), [8] the state's length, then the bytes.
    // The successor finds the page in slot `handover=SLOT` of its arguments (Server.TakeOverState).
    public static class HandOverContract
    {
        public const ulong Magic = 0x4F444E4148_4F53;       // written last: the state is complete
        public const int HeaderBytes = 16;
        public const int MaxState = 4096 - HeaderBytes;
        public const int Slot = 125;                        // in the old and the new process alike; the notification in Slot + 1
        public const string Argument = "handover=";
    }

    public static class DebugContract
    {
        public const uint Ping = IDebug.Labels.Ping;
        public const uint Crash = IDebug.Labels.Crash;
        public const uint HandOver = IDebug.Labels.HandOver;
    }

    public enum CrashKind : ulong
    {
        Null = 1,       // dereference null (a #PF at 0: killed, or an exception if the runtime catches it — it must not)
        Wild = 2,       // write to a wild address (a #PF far from 0)
        Loop = 3,       // spin forever without answering (the heartbeat must catch it)
        Exit = 4,       // exit with code 3
    }

    // Console: text out (to the VGA screen and the serial line), lines in.
    //   Write      -> the bytes written
    //   ReadLine   -> 0 and the next line typed on either input path (keyboard or serial); or
    //                 NoLineYet: wait on the `lineready` notification, which the console signals when
    //                 a line is complete, and ask again. (ReadLine never blocks, so the console stays
    //                 in its receive loop and answers the heartbeat.)
    [Contract]
    public partial interface IConsole
    {
        long Write(string text);
        long ReadLine(out string line);
        long Clear();
    }

    public static class ConsoleContract
    {
        public const long NoLineYet = 1;
        // The badge on the console capability the shell gives a program it runs from disk (`run`,
        // RunCommand.cs): such a caller may Write, never ReadLine (the shell's own input) nor Clear;
        // both answer NotForPrograms.
        public const ulong ProgramBadge = 0x7275;
        public const long NotForPrograms = -7;      // SyscallError.MissingRight's value
    }
}
