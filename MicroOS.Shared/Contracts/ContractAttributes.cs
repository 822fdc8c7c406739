using System;

namespace MicroOS.Shared.Contracts
{
    // A server contract: an interface whose methods are the messages a server answers.
    // MicroOS.Build/Contracts/ContractGenerator.cs turns `[Contract] partial interface IFoo` into
    // IFoo.Client (a typed client over an Endpoint), IFoo.Dispatcher (decodes a request, calls the
    // implementation, encodes the reply; anything malformed gets ContractError.BadMessage) and
    // IFoo.Labels. A method returns long: >= 0 the server's answer, < 0 an error (a SyscallError from
    // the call itself, a ContractError, or the server's own). Parameters: integers, bool, enums
    // (message words: four in a request, three out), string and byte arrays (the payload), arrays of
    // records (structs of those), an Endpoint, Notification or FrameCap (the one capability a message
    // carries). `ErrorDetail = true`: an error reply also carries the word the implementation put in
    // ErrorDetail.Reply (W1; the generated client leaves it in ErrorDetail.Last), e.g. why a volume
    // is not mounted; out parameters still travel only with a result >= 0.
    [AttributeUsage(AttributeTargets.Interface)]
    public sealed class ContractAttribute : Attribute
    {
        public bool ErrorDetail { get; set; }
    }

    // The message label of a method; by default 1, 2, 3... in declaration order.
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class LabelAttribute : Attribute
    {
        public LabelAttribute(uint label) => Label = label;
        public uint Label { get; }
    }

    // Errors a generated client or dispatcher reports. The negative numbers are shared out in bands,
    // so a client can always tell who answered: SyscallError -1..-31 (the call itself),
    // BlockError -32..-47 (ata), ContractError -48..-63 (a malformed message: no server's own
    // answer), FsError -64..-127 (fat), a server's own errors from -1000 down (KvError).
    public static class ContractError
    {
        public const long BadMessage = -48;     // the server could not decode the request (label, words, payload, capability)
        public const long BadReply = -49;       // the client could not decode the reply
        public const long TooLarge = -50;       // the request or reply does not fit the IPC buffer

        public static bool IsContractError(long e) => e <= BadMessage && e > -64;
    }
}

namespace MicroOS.Shared.User
{
    // The detail word of an error reply, for contracts declared [Contract(ErrorDetail = true)]
    // (IFileSystem: why a volume is not mounted, the block driver's error). Per thread of control
    // as the IPC buffer is: the dispatcher reads Reply when the implementation returns < 0 (and
    // clears it); a client finds the W1 of the last error reply it got in Last.
    public static class ErrorDetail
    {
        public static ulong Reply;      // server: set before returning an error
        public static ulong Last;       // client: the last error reply's detail

        public static ulong TakeReply()
        {
            ulong d = Reply;
            Reply = 0;
            return d;
        }
    }

    // Marks `static int Main()` of a server: the generator (MicroOS.Build/Contracts) makes it the
    // entry point ServerRuntime's start-up calls, so a server's own code needs no interop attribute.
    [System.AttributeUsage(System.AttributeTargets.Method)]
    public sealed class ServerMainAttribute : System.Attribute { }
}
