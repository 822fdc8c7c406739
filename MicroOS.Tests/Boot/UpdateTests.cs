using System.Diagnostics;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Live update (issue 17, item 5): the shell's `update NAME FILE` on the whole system, with a disk
// that `./microos disk put` filled with the build's serial driver (serial.elf), hello.elf (its
// `pingloop` is a client calling the serial driver in a loop), a truncated ELF and a text file.
// The shell's own line is COM1, the serial driver's: every command typed after the update goes
// through the new driver.
public sealed class UpdateTests
{
    private readonly ITestOutputHelper _output;

    public UpdateTests(ITestOutputHelper output) => _output = output;

    private static string Servers => Path.Combine(RepoPaths.Root, "MicroOS.Build", "obj", "isoroot", "boot", "servers");

    [Fact]
    public void UpdateReplacesTheSerialDriverLiveWithItsStateAndRefusesWhatItShould()
    {
        using FatImage disk = FatImage.Create(16, 32L << 20);
        string serial = Path.Combine(Servers, "serial.elf");
        Assert.True(File.Exists(serial), $"{serial} is missing: `./microos build` builds it");
        DiskPut(serial, "serial.elf", disk.Path);
        string hello = Path.Combine(RepoPaths.Root, "programs", "Hello", "obj", "native", "hello.elf");
        Assert.True(File.Exists(hello), $"{hello} is missing: `./microos build` builds programs/Hello");
        DiskPut(hello, "hello.elf", disk.Path);
        DiskPut(Path.Combine(Servers, "fat.elf"), "fat.elf", disk.Path);
        disk.Put("/bad-truncated.elf", File.ReadAllBytes(Path.Combine(Servers, "bad-truncated.elf")));
        disk.PutText("/README.TXT", "not a program\n");

        var machine = QemuMachine.Boot(_output, new QemuOptions { CommandLine = "quiet manifest=system", SerialConsole = true, Disk = disk.Path });
        using (machine)
        {
            machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"));
            string oldPid = PidOf(machine, "serial");

            // Refusals, each leaving serial as it was (the same pid, running, not restarted).
            Assert.Equal(new[] { "usage: update NAME FILE" }, ShellTests.Run(machine, "update"));
            Assert.Equal(new[] { "usage: update NAME FILE" }, ShellTests.Run(machine, "update serial"));
            Assert.Equal(new[] { "update: no such server 'nosuch' (ps lists them)" }, ShellTests.Run(machine, "update nosuch serial.elf"));
            Assert.Equal(new[] { "update: refused: init is not supervised (init and the supervisor are not updated)" }, ShellTests.Run(machine, "update init serial.elf"));
            Assert.Equal(new[] { "update: refused: supervisor is not supervised (init and the supervisor are not updated)" }, ShellTests.Run(machine, "update supervisor serial.elf"));
            Assert.Equal(new[] { "update: /nosuch.elf: no such file; serial keeps running" }, ShellTests.Run(machine, "update serial nosuch.elf"));
            Assert.Equal(new[] { "update: /README.TXT: not a program (no ELF header); serial keeps running" }, ShellTests.Run(machine, "update serial README.TXT"));
            Assert.Equal(new[] { "update: /bad-truncated.elf: not a valid program: the loader refused it (the kernel log says why); serial keeps running" },
                ShellTests.Run(machine, "update serial bad-truncated.elf"));
            machine.WaitForLine(new Regex(@"^loader: refused image 'serial' from a frame of init \(pid 1\): truncated: \S"));
            Assert.Equal(oldPid, PidOf(machine, "serial"));
            Assert.DoesNotContain(machine.Lines, l => l.StartsWith("[serial] serial: handing over", StringComparison.Ordinal));

            // A client calling the serial driver in a loop across the update sees every call answered.
            List<string> ran = ShellTests.Run(machine, "run hello.elf pingloop serial");
            Assert.Equal("hello from disk: pingloop serial", ran[0]);
            machine.WaitForLine(new Regex(@"^\[hello\] hello: 1000 pings of serial answered, 0 failed$"));

            List<string> updated = ShellTests.Run(machine, "update serial serial.elf");
            Match done = Regex.Match(Assert.Single(updated), @"^update: serial now runs /serial.elf \(pid (?<pid>\d+)\); (?<bytes>\d+) bytes of state handed over$");
            Assert.True(done.Success, string.Join("\n", updated));
            string newPid = done.Groups["pid"].Value;
            Assert.NotEqual(oldPid, newPid);
            // The state: what the old driver counted is what the new one starts from.
            Match gave = machine.WaitForMatch(new Regex(@"^\[serial\] serial: handing over at TSC \d+ \((?<w>\d+) bytes written, (?<r>\d+) requests, (?<u>\d+) unread\)$"));
            Match took = machine.WaitForMatch(new Regex(@"^\[serial\] serial: took over (?<w>\d+) bytes written, (?<r>\d+) requests, (?<u>\d+) unread$"));
            Assert.True(long.Parse(gave.Groups["w"].Value) > 0, gave.Value);
            Assert.Equal(gave.Groups["w"].Value, took.Groups["w"].Value);
            Assert.Equal(gave.Groups["r"].Value, took.Groups["r"].Value);
            Assert.Equal(gave.Groups["u"].Value, took.Groups["u"].Value);
            Assert.Equal(24 + int.Parse(gave.Groups["u"].Value), int.Parse(done.Groups["bytes"].Value));
            machine.WaitForLine($"init: updated serial (pid {oldPid} -> {newPid}, {done.Groups["bytes"].Value} bytes of state handed over)");
            machine.WaitForLine(new Regex($@"^process serial \(pid {oldPid}\) killed: by the holder of its process capability$"));

            // The shell answers through the new driver; ps shows it, not restarted; Names resolves it.
            Assert.Equal(new[] { "through the new driver" }, ShellTests.Run(machine, "echo through the new driver"));
            Assert.Contains(ShellTests.Run(machine, "ps"), l => Regex.IsMatch(l, $@"^{newPid} serial running 0 \d+ \d+ \d+ 512$"));
            Assert.Matches(@"^serial answered in \d+ us$", Assert.Single(ShellTests.Run(machine, "ping serial")));
            // The same capabilities in the same slots: the same objects (the endpoint is Init's, so
            // the console's cap and Names' entry name the new driver).
            List<string> caps = ShellTests.Run(machine, "caps serial");
            Assert.Contains(caps, l => Regex.IsMatch(l, @"^1 ioports:3f8\+8 rw-- 0 \d+$"));
            Assert.Contains(caps, l => Regex.IsMatch(l, @"^2 irq:4 rwgm 0 \d+$"));

            // The client kept calling across the update: answers after it, and not one failure.
            int afterUpdate = machine.WaitForLineIndex(new Regex(@"^\[init\] init: updated serial "));
            int report = machine.WaitForLineIndex(new Regex(@"^\[hello\] hello: \d+ pings of serial answered, 0 failed$"), afterUpdate + 1);
            Assert.DoesNotContain(machine.Lines, l => Regex.IsMatch(l, @"^\[hello\] hello: ping \d+ of serial failed"));
            Assert.Equal(new[] { "ok" }, ShellTests.Run(machine, "kill hello"));
            Assert.DoesNotContain(machine.Lines, l => Regex.IsMatch(l, @"^\[hello\] hello: ping \d+ of serial failed"));
            Assert.True(report > afterUpdate);

            // A crash after the update restarts the new image, not the boot module.
            Assert.Equal(new[] { "ok" }, ShellTests.Run(machine, "crash serial exit", beforeNextLine: () =>
                machine.WaitForLine(new Regex(@"^\[init\] init: started serial from its updated image \(pid \d+\)$"))));
            machine.WaitForLine(new Regex(@"^\[supervisor\] supervisor: restarted serial \(pid \d+\)$"));
            Assert.Equal(new[] { "still here" }, ShellTests.Run(machine, "echo still here"));
            Assert.Contains(ShellTests.Run(machine, "ps"), l => Regex.IsMatch(l, @"^\d+ serial running 1 \d+ \d+ \d+ 512$"));
            // A restart hands nothing over: only an update does.
            Assert.Single(machine.Lines, l => l.StartsWith("[serial] serial: took over", StringComparison.Ordinal));

            // And a second update, of the updated driver, works the same way.
            Assert.Matches(@"^update: serial now runs /serial.elf \(pid \d+\); \d+ bytes of state handed over$",
                Assert.Single(ShellTests.Run(machine, "update serial serial.elf")));
            Assert.Equal(new[] { "again" }, ShellTests.Run(machine, "echo again"));

            // The file system server, which hands over nothing (its sessions are per-client badges on
            // its endpoint): the shell's next file command reconnects, as after a `crash fat`.
            Assert.Matches(@"^update: fat now runs /fat.elf \(pid \d+\); 0 bytes of state handed over$",
                Assert.Single(ShellTests.Run(machine, "update fat fat.elf")));
            Assert.Equal(new[] { "not a program" }, ShellTests.Run(machine, "cat README.TXT"));
            Assert.Contains(ShellTests.Run(machine, "ls"), l => l.Contains("SERIAL.ELF", StringComparison.OrdinalIgnoreCase));
            ServerLog.AssertKernelHealthy(machine.Lines);
        }
    }

    private static string PidOf(QemuMachine machine, string name)
    {
        List<string> ps = ShellTests.Run(machine, "ps");
        string row = Assert.Single(ps, l => Regex.IsMatch(l, $@"^\d+ {name} running "));
        return row.Split(' ')[0];
    }

    private void DiskPut(string file, string name, string disk) => RunFromDiskTests.DiskPut(_output, file, name, disk);
}
