using System.Diagnostics;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Programs from disk (issue 17, item 4): process_create_frame attacked by a probe (FrameExecProbe.cs),
// and the shell's `run` on the whole system with a disk that `./microos disk put` filled: hello.elf
// (programs/Hello), the loader's malformed images (the build's bad-*.elf), a text file, an empty file.
public sealed class RunFromDiskTests
{
    private readonly ITestOutputHelper _output;

    public RunFromDiskTests(ITestOutputHelper output) => _output = output;

    private static string Said(string text) => $"[frame-exec] frameexec: {text}";

    [Fact]
    public void ProcessCreateFrameChecksWhatBootModulesGetAndEveryBadRequestIsAnError()
    {
        using var machine = QemuMachine.Boot(_output, ServerLog.TestServers("frame-exec"));
        machine.WaitForLine(Said("valid -> pid"));
        machine.WaitForLine(new Regex(@"^process tiny \(pid \d+\) exited with code 7$"));
        machine.WaitForLine(Said("valid ended, inspect -> ObjectGone"));
        machine.WaitForLine(Said("zero-length -> InvalidArgument"));
        machine.WaitForLine(Said("past-the-frame -> OutOfRange"));
        // The boot modules' checks, on this path, with their words.
        machine.WaitForLine(new Regex(@"^loader: refused image 'tiny' from a frame of frame-exec \(pid \d+\): program header table at 0x40 \(1 entries\) lies outside the image of size 0x64$"));
        machine.WaitForLine(Said("truncated -> InvalidArgument"));
        machine.WaitForLine(new Regex(@"^loader: refused image 'tiny' from a frame of frame-exec \(pid \d+\): truncated: segment 0 data ends at 0x2000 past the image size 0xBC$"));
        machine.WaitForLine(Said("segment-past-image -> InvalidArgument"));
        machine.WaitForLine(new Regex(@"^loader: refused image 'tiny' from a frame of frame-exec \(pid \d+\): wrong machine: expected x86-64 \(62\), found 3$"));
        machine.WaitForLine(Said("wrong-machine -> InvalidArgument"));
        machine.WaitForLine(Said("read-only-copy -> pid"));
        machine.WaitForLine(Said("write-only-copy -> MissingRight"));
        machine.WaitForLine(Said("no-rights -> MissingRight"));
        machine.WaitForLine(Said("device-frame -> InvalidArgument"));
        machine.WaitForLine(Said("endpoint -> WrongType"));
        machine.WaitForLine(new Regex(@"^loader: refused 'tiny': asks for a limit of 262144 KiB, process frame-exec \(pid \d+\) has \d+ KiB left$"));
        machine.WaitForLine(Said("over-budget -> OutOfMemory"));
        machine.WaitForLine(new Regex(@"^loader: refused 'tiny': needs \d+ KiB \(image 4, .*\), its limit is 64 KiB$"));
        machine.WaitForLine(Said("too-small -> OutOfMemory"));
        machine.WaitForLine(Said("revoked -> InvalidCapability"));
        machine.WaitForLine(Said("bad-text -> BadAddress"));
        machine.WaitForLine(Said("occupied -> SlotOccupied"));
        machine.WaitForLine(Said("budget -> pid, OutOfMemory; after the first ended -> pid"));
        machine.WaitForLine(Said("1000 malformed -> 1000 InvalidArgument"));
        machine.WaitForLine(Said("done"));
        Assert.Equal(KernelExit.Success, machine.WaitForExit());
        IReadOnlyList<string> lines = machine.Lines;
        // Refusals are described while they are few, then one fixed line each (no kernel heap per refusal).
        int described = lines.Count(l => l.StartsWith("loader: refused image 'bad' from a frame", StringComparison.Ordinal) && !l.EndsWith(UndescribedTail, StringComparison.Ordinal));
        int undescribed = lines.Count(l => l.StartsWith("loader: refused image 'bad' from a frame", StringComparison.Ordinal) && l.EndsWith(UndescribedTail, StringComparison.Ordinal));
        Assert.Equal(1000, described + undescribed);
        Assert.True(described <= 16, $"{described} refusals described: the kernel describes at most 16 (its heap is never collected)");
        ServerLog.AssertKernelHealthy(lines);
    }

    private const string UndescribedTail = "malformed ELF image (not described: the kernel describes the first refused images only)";

    [Fact]
    public void TheShellRunsHelloFromDiskListsItKillsItAndRefusesWhatIsNotAProgram()
    {
        using FatImage disk = FatImage.Create(16, 32L << 20);
        string hello = Path.Combine(RepoPaths.Root, "programs", "Hello", "obj", "native", "hello.elf");
        Assert.True(File.Exists(hello), $"{hello} is missing: `./microos build` builds programs/Hello");
        // As a user puts a program there: ./microos disk put (strip, then mcopy).
        DiskPut(hello, "hello.elf", disk.Path);
        string servers = Path.Combine(RepoPaths.Root, "MicroOS.Build", "obj", "isoroot", "boot", "servers");
        foreach (string bad in new[] { "bad-truncated", "bad-machine", "bad-kernel-half" })
            disk.Put($"/{bad}.elf", File.ReadAllBytes(Path.Combine(servers, bad + ".elf")));
        disk.PutText("/README.TXT", "not a program\n");
        disk.Put("/EMPTY.ELF", Array.Empty<byte>());
        disk.Put("/BIG.ELF", new byte[600 * 1024]);

        var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "quiet manifest=system", SerialConsole = true, Disk = disk.Path });
        using (machine)
        {
            machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
            // It prints through the console (its own capability), then exits; the shell says so.
            List<string> first = ShellTests.Run(machine, "run hello.elf");
            Assert.Equal("hello from disk", first[0]);
            Match ran = Regex.Match(Assert.Single(first.Skip(1)), @"^run: hello \(pid (?<pid>\d+)\) ended$");
            Assert.True(ran.Success, string.Join("\n", first));
            machine.WaitForLine($"process hello (pid {ran.Groups["pid"].Value}) exited with code 0");
            Assert.Equal("hello from disk: one two", ShellTests.Run(machine, "run /hello.elf one two")[0]);
            // The console is write-only for a program: the shell's input is not its to read.
            Assert.Equal("hello: readline -> -7", ShellTests.Run(machine, "run hello.elf readline")[1]);

            // One that stays: ps lists it (the shell's programs after the supervisor's servers), kill ends it.
            List<string> stay = ShellTests.Run(machine, "run hello.elf stay");
            Assert.Equal("hello from disk: stay", stay[0]);
            Match runs = Regex.Match(stay[1], @"^run: hello \(pid (?<pid>\d+)\) runs on \(ps lists it; kill hello ends it\)$");
            Assert.True(runs.Success, string.Join("\n", stay));
            string pid = runs.Groups["pid"].Value;
            Assert.Contains(ShellTests.Run(machine, "ps"), l => Regex.IsMatch(l, $@"^{pid} hello running 0 \d+ \d+ \d+ 640$"));
            Assert.Equal(new[] { "ok" }, ShellTests.Run(machine, "kill hello"));
            machine.WaitForLine(new Regex($@"^process hello \(pid {pid}\) killed: by the holder of its process capability$"));
            Assert.DoesNotContain(ShellTests.Run(machine, "ps"), l => l.Contains(" hello ", StringComparison.Ordinal));

            // The loader's malformed images, on this path: refused with the boot modules' reasons; the shell goes on.
            foreach (string bad in new[] { "bad-truncated", "bad-machine", "bad-kernel-half" })
                Assert.Equal(new[] { $"run: /{bad}.elf: not a valid program: the loader refused it (the kernel log says why)" }, ShellTests.Run(machine, $"run {bad}.elf"));
            machine.WaitForLine(new Regex(@"^loader: refused image 'bad-truncated' from a frame of shell \(pid \d+\): truncated: \S"));
            machine.WaitForLine(new Regex(@"^loader: refused image 'bad-machine' from a frame of shell \(pid \d+\): wrong machine: expected x86-64 \(62\), found 3$"));
            machine.WaitForLine(new Regex(@"^loader: refused image 'bad-kernel-half' from a frame of shell \(pid \d+\): segment 0 at 0xFFFFFFFF80000000 is outside the user half$"));
            Assert.Equal(new[] { "run: /README.TXT: not a program (no ELF header)" }, ShellTests.Run(machine, "run README.TXT"));
            Assert.Equal(new[] { "run: /EMPTY.ELF: not a program (empty file)" }, ShellTests.Run(machine, "run EMPTY.ELF"));
            Assert.Equal(new[] { "run: /nosuch.elf: no such file" }, ShellTests.Run(machine, "run nosuch.elf"));
            Assert.Equal(new[] { "run: /BIG.ELF: too large (614400 bytes; a program is at most 384 KiB)" }, ShellTests.Run(machine, "run BIG.ELF"));
            Assert.Equal(new[] { "usage: run FILE [ARGS...]" }, ShellTests.Run(machine, "run"));
            Assert.Equal(new[] { "run: the arguments may not hold caps= (the shell states the program's capabilities)" }, ShellTests.Run(machine, "run hello.elf caps=ep:fat:rw"));
            // And after all that, the shell and the program still work.
            Assert.Equal(new[] { "still here" }, ShellTests.Run(machine, "echo still here"));
            // Runs do not use up the shell's budget: its frame and endpoints are reused (RunCommand.cs).
            for (int i = 0; i < 12; i++)
                Assert.Equal(new[] { $"hello from disk: {i}" }, ShellTests.Run(machine, $"run hello.elf {i}").Take(1));
            ServerLog.AssertKernelHealthy(machine.Lines);
        }
    }

    private void DiskPut(string file, string name, string disk) => DiskPut(_output, file, name, disk);

    // ./microos disk put FILE NAME --disk IMG, as a user types it (UpdateTests use it too).
    internal static void DiskPut(ITestOutputHelper output, string file, string name, string disk)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(RepoPaths.Root, "microos"), "disk", "put", file, name, "--disk", disk })
            start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        output.WriteLine(stdout + stderr);
        Assert.True(p.ExitCode == 0, $"disk put failed: {stdout}{stderr}");
        Assert.Contains($"disk put: {name} (", stdout);
    }
}
