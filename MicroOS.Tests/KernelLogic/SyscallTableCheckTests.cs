using MicroOS.Kernel.Syscalls;
using MicroOS.Shared.Abi;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The boot-time check of the syscall table (MicroOS.Kernel/Syscalls/SyscallTableCheck.cs).
public sealed class SyscallTableCheckTests
{
    [Fact]
    public void TheAbiNumbersInOrderPass()
    {
        ulong[] numbers = Enum.GetValues<Syscall>().Select(s => (ulong)s).Order().ToArray();
        string[] names = numbers.Select(n => ((Syscall)n).ToString()).ToArray();
        Assert.Null(SyscallTableCheck.FindProblem(numbers, names));
    }

    [Fact]
    public void ARowAtTheWrongPositionIsRefused() =>
        Assert.Equal("row 1 (yield) has number 2", SyscallTableCheck.FindProblem(new ulong[] { 0, 2, 1 }, new[] { "write", "yield", "exit" }));

    [Fact]
    public void ARepeatedNameIsRefused() =>
        Assert.Equal("name 'exit' repeats (rows 0 and 2)", SyscallTableCheck.FindProblem(new ulong[] { 0, 1, 2 }, new[] { "exit", "yield", "exit" }));

    [Fact]
    public void ARowWithoutAHandlerIsRefused() =>
        Assert.Equal("row 1 has no name", SyscallTableCheck.FindProblem(new ulong[] { 0, 1 }, new[] { "exit", null! }));
}
