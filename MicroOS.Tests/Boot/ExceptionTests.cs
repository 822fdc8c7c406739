using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Exceptions in ring-3 servers: the runtime's two-pass dispatch on ILC's unwind and EH tables, the
// exception types its helpers raise, the kernel's fault upcall for null dereferences and integer
// division by zero, and the one-line report of an unhandled exception. The Exceptions server
// (MicroOS.Servers/Tests/Exceptions) prints one line per check with what it observed; its inputs come
// from the boot manifest (`checks 3`, `unhandled 7`), so ILC cannot fold any of them.
public sealed class ExceptionTests
{
    private readonly ITestOutputHelper _output;

    public ExceptionTests(ITestOutputHelper output) => _output = output;

    // Every check of `exceptions` (manifest: checks 3), in order.
    private static readonly string[] ExpectedChecks =
    {
        "exc catch-by-type: caught MyError \"x3\" code=3 finally=1",
        "exc catch-base: caught MicroOS.Servers.Exceptions.OtherError \"base 3\" as Exception",
        "exc filter: false then true: caught by second clause, filters run 2",
        "exc finally: normal=1 exceptional=10",
        "exc rethrow: outer caught MicroOS.Servers.Exceptions.MyError \"x3\" same object True",
        "exc nested-in-catch: inner caught \"inner 3\" while handling \"x3\"",
        "exc throw-from-catch: outer caught System.InvalidOperationException \"from catch\"",
        "exc nested-in-finally: finally caught \"in finally 3\", then outer caught MicroOS.Servers.Exceptions.MyError \"x3\"",
        "exc finally-replaces: caught MicroOS.Servers.Exceptions.OtherError \"from finally 1\"",
        "exc throw-from-filter: filter counted false, caught by next clause, code 3",
        "exc gc-unwind: frames 10, objects intact True, collected while unwinding True and in the catch True",
        "exc null-deref: caught System.NullReferenceException \"Object reference not set to an instance of an object.\"",
        "exc null-helpers: interface call System.NullReferenceException, reference store System.NullReferenceException, then a real call 4",
        "exc divide-by-zero: caught System.DivideByZeroException \"Attempted to divide by zero.\", unsigned System.DivideByZeroException",
        "exc index: caught System.IndexOutOfRangeException \"Index was outside the bounds of the array.\"",
        "exc invalid-cast: caught System.InvalidCastException \"Specified cast is not valid.\"",
        "exc overflow: caught System.OverflowException \"Arithmetic operation resulted in an overflow.\"",
        "exc missing-key: caught System.Collections.Generic.KeyNotFoundException \"The given key 'k3' was not present in the dictionary.\"",
        "exc argument: caught System.ArgumentOutOfRangeException \"Specified argument was out of the range of valid values. (Parameter 'index')\" and System.ArgumentException \"An item with the same key has already been added. Key: 3\"",
        "exc invalid-operation: caught System.InvalidOperationException \"Queue empty.\"",
        "exc oom: caught System.OutOfMemoryException \"Insufficient memory to continue the execution of the program.\" after filling the heap True, then allocated 2000 strings, last \"1999\"",
        "exc: all checks done",
    };

    [Fact]
    public void ServerCatchesEveryKindOfExceptionAndExitsNormally()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("exceptions"));
        int exit = machine.WaitForLineIndex(ServerLog.Ended("exceptions"));
        Assert.Matches(ServerLog.Exited("exceptions"), machine.Lines[exit]);
        Assert.Equal("0", ServerLog.Exited("exceptions").Match(machine.Lines[exit]).Groups["code"].Value);

        // Exactly these lines from the server, in this order, and nothing else.
        List<string> said = machine.Lines.Take(exit).Where(l => l.StartsWith("[exceptions] ", StringComparison.Ordinal))
            .Select(l => l.Substring("[exceptions] ".Length)).ToList();
        Assert.Equal(ExpectedChecks, said);
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    [Fact]
    public void UnhandledExceptionEndsTheServerWithOneLineNamingTypeMessageAndMethod()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("exc-unhandled,exc-unhandled-null,exc-unhandled-oom,busy-a"));
        int thrown = machine.WaitForLineIndex(ServerLog.Ended("exc-unhandled"));
        int nulled = machine.WaitForLineIndex(ServerLog.Ended("exc-unhandled-null"));
        int exhausted = machine.WaitForLineIndex(ServerLog.Ended("exc-unhandled-oom"));
        Assert.Equal("-1", ServerLog.Exited("exc-unhandled-oom").Match(machine.Lines[exhausted]).Groups["code"].Value);
        Assert.Matches(ServerLog.Exited("exc-unhandled"), machine.Lines[thrown]);
        Assert.Equal("-1", ServerLog.Exited("exc-unhandled").Match(machine.Lines[thrown]).Groups["code"].Value);
        // Uncaught, a null dereference still comes back from the kernel as an exception (not a kill).
        Assert.Matches(ServerLog.Exited("exc-unhandled-null"), machine.Lines[nulled]);
        Assert.Equal("-1", ServerLog.Exited("exc-unhandled-null").Match(machine.Lines[nulled]).Groups["code"].Value);

        IReadOnlyList<string> lines = machine.Lines;
        Assert.Equal(new[] { "[exc-unhandled] unhandled exception MicroOS.Servers.Exceptions.MyError: boom 7 (thrown in MicroOS.Servers.Exceptions.ExceptionsServer.Explode)" },
            lines.Where(l => l.StartsWith("[exc-unhandled] ", StringComparison.Ordinal)));
        Assert.Equal(new[] { "[exc-unhandled-null] unhandled exception System.NullReferenceException: Object reference not set to an instance of an object. (thrown in MicroOS.Servers.Exceptions.ExceptionsServer.Main)" },
            lines.Where(l => l.StartsWith("[exc-unhandled-null] ", StringComparison.Ordinal)));

        // Thrown by the runtime's allocator, reported at the method that allocated.
        Assert.Equal(new[] { "[exc-unhandled-oom] unhandled exception System.OutOfMemoryException: Insufficient memory to continue the execution of the program. (thrown in MicroOS.Servers.Exceptions.ExceptionsServer.Hog)" },
            lines.Where(l => l.StartsWith("[exc-unhandled-oom] ", StringComparison.Ordinal)));

        // The other server goes on.
        ServerLog.WaitForLinesAfter(machine, ServerLog.Progress("busy-a", "a"), Math.Max(thrown, Math.Max(nulled, exhausted)), 2);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // The upcall's own failure modes: the entry faults (it was disarmed on delivery), or the stack
    // the entry would run on is not mapped. Either way the kernel kills the server as for any other
    // fault, at the instruction that faulted, and stays healthy.
    [Theory]
    [InlineData("exc-fault-in-handler", "entry", "0x0000000000000000")]
    [InlineData("exc-bad-stack", "null read at", "0x0000000000000008")]
    public void BrokenFaultUpcallKillsOnlyTheServer(string server, string what, string address)
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers($"{server},busy-a"));
        Match armed = machine.WaitForMatch(new Regex($@"^\[{Regex.Escape(server)}\] exc: \S+ armed, {what} 0x(?<code>[0-9A-F]{{16}})$"));
        int kill = machine.WaitForLineIndex(ServerLog.Ended(server));
        var killed = new Regex($@"^process {Regex.Escape(server)} \(pid \d+\) killed: #PF Page Fault at rip 0x(?<rip>[0-9A-F]{{16}}) address {address} \(page not present, read, user\)$");
        Match report = killed.Match(machine.Lines[kill]);
        Assert.True(report.Success, $"{server} ended with\n  {machine.Lines[kill]}\nexpected\n  {killed}");
        ulong code = ServerLog.Hex(armed.Groups["code"].Value);
        ulong rip = ServerLog.Hex(report.Groups["rip"].Value);
        Assert.InRange(rip, code, code + 15);       // the routine's own instruction, not a later one
        Assert.DoesNotContain(machine.Lines, l => l.Contains("SURVIVED", StringComparison.Ordinal));
        ServerLog.WaitForLinesAfter(machine, ServerLog.Progress("busy-a", "a"), kill, 2);
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
