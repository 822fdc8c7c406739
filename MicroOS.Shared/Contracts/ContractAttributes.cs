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
    // records (structs of those), an Endpoint or Notification (the one capability a message carries).
    [AttributeUsage(AttributeTargets.Interface)]
    public sealed class ContractAttribute : Attribute { }

    // The message label of a method; by default 1, 2, 3... in declaration order.
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class LabelAttribute : Attribute
    {
        public LabelAttribute(uint label) => Label = label;
        public uint Label { get; }
    }

    // Errors a generated client or dispatcher reports (negative, below every SyscallError).
    public static class ContractError
    {
        public const long BadMessage = -64;     // the server could not decode the request (label, words, payload, capability)
        public const long BadReply = -65;       // the client could not decode the reply
        public const long TooLarge = -66;       // the request or reply does not fit the IPC buffer
    }
}

namespace MicroOS.Shared.User
{
    // Marks `static int Main()` of a server: the generator (MicroOS.Build/Contracts) makes it the
    // entry point ServerRuntime's start-up calls, so a server's own code needs no interop attribute.
    [System.AttributeUsage(System.AttributeTargets.Method)]
    public sealed class ServerMainAttribute : System.Attribute { }
}
