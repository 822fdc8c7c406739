using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MicroOS.Build.Contracts;
using Xunit;

namespace MicroOS.Tests.Host;

// The contract generator (MicroOS.Build/Contracts/ContractGenerator.cs) on sample contracts, for
// the parameter kinds the storage contracts need (issue 16, 20): a FrameCap as a request's
// capability, three out words beside an out string, byte[] in and out, and
// [Contract(ErrorDetail = true)]. The generated code is compiled against small stand-ins of the
// MicroOS.Shared types it names, so a layout the generator writes wrong fails to compile here,
// and the boot tests (FatServerTests, AtaTests, ContractTests) run the real thing.
public sealed class ContractGeneratorTests
{
    // Just enough of MicroOS.Shared for the generated code to compile on the host.
    private const string Stubs = """
        namespace MicroOS.Shared.Contracts
        {
            [System.AttributeUsage(System.AttributeTargets.Interface)]
            public sealed class ContractAttribute : System.Attribute { public bool ErrorDetail { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class LabelAttribute : System.Attribute { public LabelAttribute(uint label) { } }
            public static class ContractError { public const long BadMessage = -48, BadReply = -49, TooLarge = -50; }
            public enum ParamKind : byte { Unsigned = 1, Signed, Bool, Char, String, Bytes, Records, Endpoint, Notification, Frame }
            public sealed class ContractParam { public ContractParam(string n, string t, ParamKind k, int s, bool o, bool r, ContractParam[] f) { Kind = k; Out = o; Rest = r; } public ParamKind Kind; public bool Out, Rest; }
            public sealed class ContractMethod { public ContractMethod(uint l, string n, ContractParam[] p) { Params = p; } public ContractParam[] Params; }
            public sealed class ContractInfo { public const uint DescribeLabel = 0xDC01; public const ulong Version = 1; public ContractMethod[] Methods; public ContractInfo(string n, ContractMethod[] m) { Methods = m; } public void Write(ref MicroOS.Shared.User.Payload p) { } }
        }
        namespace MicroOS.Shared.Abi
        {
            public readonly struct MessageTag
            {
                public const int MaxPayload = 4096;
                public readonly ulong Value;
                public MessageTag(ulong v) { Value = v; }
                public static MessageTag Of(uint label, int length = 0) => default;
                public static MessageTag WithCap(uint label, int slot, int length = 0) => default;
                public int Length => 0; public int CapCount => 0;
            }
        }
        namespace MicroOS.Shared.User
        {
            public readonly struct Endpoint { public readonly int Slot; public Endpoint(int s) { Slot = s; } public long Call(ref Message m) => 0; }
            public readonly struct Notification { public readonly int Slot; public Notification(int s) { Slot = s; } }
            public readonly struct FrameCap { public readonly int Slot; public FrameCap(int s) { Slot = s; } }
            public struct Message
            {
                public MicroOS.Shared.Abi.MessageTag Tag; public ulong W0, W1, W2, W3;
                public uint Label => 0;
                public Message(uint label, ulong w0 = 0, ulong w1 = 0, ulong w2 = 0, ulong w3 = 0) { Tag = default; W0 = w0; W1 = w1; W2 = w2; W3 = w3; }
            }
            public interface IDispatcher { void Dispatch(ref Message m); }
            public static class IpcBuffer { public static int TakeReceived() => 0; public static void DropReceived() { } }
            public static class ErrorDetail { public static ulong Reply, Last; public static ulong TakeReply() => 0; }
            public struct Payload
            {
                public bool Failed; public int Length => 0; public bool AtEnd => true;
                public static Payload Reader(int n) => default; public static Payload Writer() => default;
                public ulong ReadInteger(int b) => 0; public void WriteInteger(ulong v, int b) { }
                public int ReadCount(int b) => 0; public void WriteCount(int c) { }
                public string ReadString(bool rest) => ""; public void WriteString(string s, bool rest) { }
                public byte[] ReadBytes(bool rest) => new byte[0]; public void WriteBytes(System.ReadOnlySpan<byte> b, bool rest) { }
                public int ReadInto(System.Span<byte> into) => 0;
            }
        }
        """;

    private static (string generated, ImmutableArray<Diagnostic> errors) Run(string contract)
    {
        var compilation = CSharpCompilation.Create("Sample",
            new[] { CSharpSyntaxTree.ParseText(Stubs), CSharpSyntaxTree.ParseText(contract) },
            Basic.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new ContractGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        string generated = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (generated, errors);
    }

    private static class Basic
    {
        public static IEnumerable<MetadataReference> References() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll" or "System.Memory.dll")
                .Select(p => MetadataReference.CreateFromFile(p));
    }

    private const string Storage = """
        using MicroOS.Shared.Contracts;
        using MicroOS.Shared.User;
        namespace Sample
        {
            [Contract(ErrorDetail = true)]
            public partial interface IDisk
            {
                long Attach(ulong bytes, FrameCap frame);
                long Identify(out ulong sectorSize, out ulong flags, out string model);
                long Read(ulong handle, ulong offset, ulong count, out byte[] data);
                long Write(ulong handle, ulong offset, System.ReadOnlySpan<byte> data);
                long Fill(ulong handle, System.Span<byte> into);
            }

            [Contract]
            public partial interface IPlain
            {
                long Get(out ulong a);
            }
        }
        """;

    [Fact]
    public void AFrameCapOutWordsAndBytesCompileToATypedClientAndDispatcher()
    {
        (string generated, var errors) = Run(Storage);
        Assert.Empty(errors);
        Assert.DoesNotContain("#error", generated);
        // The frame is the request's capability: sent from its slot, taken by the dispatcher into a slot of its own.
        Assert.Contains("MessageTag.WithCap(Labels.Attach, @frame.Slot, request.Length)", generated);
        Assert.Contains("var @frame = new global::MicroOS.Shared.User.FrameCap(m.Tag.CapCount != 0 ? global::MicroOS.Shared.User.IpcBuffer.TakeReceived() : 0);", generated);
        // Its kind in the description: Frame (the shell's `call` lists it and refuses to call it).
        Assert.Contains("\"frame\", \"FrameCap\", global::MicroOS.Shared.Contracts.ParamKind.Frame", generated);
        // Three out words in W1..W3, the model after them in the payload.
        Assert.Contains("@sectorSize = unchecked((ulong)m.W1);", generated);
        Assert.Contains("@flags = unchecked((ulong)m.W2);", generated);
        Assert.Contains("@model = reply.ReadString(true);", generated);
        // byte[] out and ReadOnlySpan<byte> in: the payload, without a length (the message's only item).
        Assert.Contains("@data = reply.ReadBytes(true);", generated);
        Assert.Contains("request.WriteBytes(@data, true);", generated);
        // Span<byte>: the reply fills the caller's span (no array on the client); the server fills the
        // dispatcher's own buffer (not the IPC page, which its own calls may overwrite) and the reply
        // carries what it answers.
        Assert.Contains("if (reply.ReadInto(@into) != status)", generated);
        Assert.Contains("global::System.Span<byte> @into = _fill ??= new byte[global::MicroOS.Shared.Abi.MessageTag.MaxPayload];", generated);
        Assert.Contains("reply.WriteBytes(@into.Slice(0, (int)status), true);", generated);
    }

    [Fact]
    public void ASpanToFillIsTheRepliesOnlyPayload()
    {
        (string generated, _) = Run("""
            using MicroOS.Shared.Contracts;
            namespace Sample
            {
                [Contract]
                public partial interface IBoth { long Both(System.Span<byte> into, out string name); }
            }
            """);
        Assert.Contains("#error contract IBoth: Both: a Span<byte> the reply fills is the reply's only payload", generated);
    }

    [Fact]
    public void ErrorDetailTravelsInW1OnlyForContractsThatAskForIt()
    {
        (string generated, var errors) = Run(Storage);
        Assert.Empty(errors);
        int split = generated.IndexOf("partial interface IPlain", StringComparison.Ordinal);
        Assert.True(split > 0);
        int diskAt = generated.IndexOf("partial interface IDisk", StringComparison.Ordinal);
        string disk = diskAt < split ? generated.Substring(diskAt, split - diskAt) : generated.Substring(diskAt);
        string plain = diskAt < split ? generated.Substring(split) : generated.Substring(split, diskAt - split);
        // IDisk: an error reply's W1 is the implementation's detail (Identify has an out word there; Attach none).
        Assert.Contains("(status >= 0 ? @sectorSize : global::MicroOS.Shared.User.ErrorDetail.TakeReply())", disk);
        Assert.Contains("(status >= 0 ? 0UL : global::MicroOS.Shared.User.ErrorDetail.TakeReply())", disk);
        Assert.DoesNotContain("TakeReply", plain);
        // Every client keeps an error reply's W1 (0 from a contract without details).
        Assert.Contains("global::MicroOS.Shared.User.ErrorDetail.Last = m.W1;", plain);
    }

    [Fact]
    public void TwoCapabilitiesInOneRequestAreRefusedAtCompileTime()
    {
        (string generated, _) = Run("""
            using MicroOS.Shared.Contracts;
            using MicroOS.Shared.User;
            namespace Sample
            {
                [Contract]
                public partial interface ITwo { long Both(FrameCap a, Endpoint b); }
            }
            """);
        Assert.Contains("#error contract ITwo: Both: a message carries one capability at most", generated);
    }
}
