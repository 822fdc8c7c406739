using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The whole system as a plain boot brings it up (`manifest=system`), driven through the shell on the
// serial line: the supervisor's commands (ps, caps, kill, crash, restart) and what happens when the
// servers behind the shell's own input and output die. Kernel log (COM2) says why each one died and
// that the supervisor restarted it; the serial line (COM1) shows the shell going on.
public sealed class SystemShellTests
{
    private static readonly string[] Servers = { "init", "names", "serial", "keyboard", "console", "ata", "fat", "rtc", "shell", "supervisor" };
    private static readonly Regex PsLine =
        new(@"^(?<pid>\d+) (?<name>[a-z-]+) (?<state>running|dead|given-up) (?<restarts>\d+) (?<kib>\d+) (?<sent>\d+) (?<received>\d+) (?<limit>\d+)$");
    // slot type[:hardware] rights badge object
    // The shell's column headers (ShellServer.PsHeader, CapsHeader), the first line of `ps` and `caps`.
    private const string PsHeader = "PID NAME STATE RESTARTS KIB SENT RECEIVED LIMIT-KIB";
    private const string CapsHeader = "SLOT OBJECT RIGHTS BADGE OBJECT-ID";
    private static readonly Regex CapsLine = new(@"^(?<slot>\d+) (?<type>[a-z]+)(?<device>:[0-9a-f]+(\+\d+)?)? (?<rights>[r-][w-][g-][m-]) \d+ \d+$");

    private readonly ITestOutputHelper _output;

    public SystemShellTests(ITestOutputHelper output) => _output = output;

    // `command` (a crash, kill or restart of `server`), typing the shell's next line only once the
    // supervisor has restarted the server: what a driver buffered dies with it, so a byte typed on
    // the serial line while the old driver still ran would be lost with that driver (and a human
    // would type it again). The restart line's pid.
    private static (List<string> Output, int Pid) RunUntilRestarted(QemuMachine machine, string command, string server)
    {
        int from = machine.Lines.Count;
        int pid = 0;
        List<string> output = ShellTests.Run(machine, command, beforeNextLine: () =>
        {
            int at = machine.WaitForLineIndex(new Regex($@"^\[supervisor\] supervisor: restarted {server} \(pid \d+\)$"), from);
            pid = int.Parse(Regex.Match(machine.Lines[at], @"pid (\d+)").Groups[1].Value);
        });
        return (output, pid);
    }

    private sealed record PsRow(int Pid, string State, int Restarts, long KiB, long Sent, long Received, long LimitKiB);

    private static Dictionary<string, PsRow> Ps(QemuMachine machine)
    {
        var rows = new Dictionary<string, PsRow>();
        List<string> lines = ShellTests.Run(machine, "ps");
        Assert.Equal(PsHeader, lines.FirstOrDefault());
        foreach (string line in lines.Skip(1))
        {
            Match m = PsLine.Match(line);
            Assert.True(m.Success, $"not a ps line: '{line}'");
            rows.Add(m.Groups["name"].Value, new PsRow(int.Parse(m.Groups["pid"].Value), m.Groups["state"].Value, int.Parse(m.Groups["restarts"].Value),
                long.Parse(m.Groups["kib"].Value), long.Parse(m.Groups["sent"].Value), long.Parse(m.Groups["received"].Value),
                long.Parse(m.Groups["limit"].Value)));
        }
        return rows;
    }

    // The device capabilities `caps TARGET` shows, as the manifest writes them ("ioports:3f8+8", "irq:4",
    // "frame:b8000+1"); every line must be a capability line.
    private static string[] Devices(QemuMachine machine, string target)
    {
        List<string> lines = ShellTests.Run(machine, $"caps {target}");
        Assert.Equal(CapsHeader, lines.FirstOrDefault());
        Assert.True(lines.Count > 1, $"caps {target} listed no capability");
        var devices = new List<string>();
        foreach (string line in lines.Skip(1))
        {
            Match m = CapsLine.Match(line);
            Assert.True(m.Success, $"not a caps line for {target}: '{line}'");
            string type = m.Groups["type"].Value;
            Assert.True(type != "ioports" && type != "irq" || m.Groups["device"].Success, $"a device capability without its hardware: '{line}'");
            if (m.Groups["device"].Success)
                devices.Add(type + m.Groups["device"].Value);
        }
        return devices.OrderBy(d => d, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void PsListsEveryServerAndEachDriverAloneHoldsItsDevices()
    {
        using QemuMachine machine = ShellTests.BootSystem(_output);
        Dictionary<string, PsRow> ps = Ps(machine);
        Assert.Equal(Servers.OrderBy(s => s, StringComparer.Ordinal), ps.Keys.OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(1, ps["init"].Pid);
        Assert.Equal(ps.Count, ps.Values.Select(r => r.Pid).Distinct().Count());
        foreach ((string name, PsRow row) in ps)
        {
            Assert.True(row.State == "running" && row.Restarts == 0, $"{name}: {row}");
            Assert.True(row.KiB > 0, $"{name} has no memory: {row}");
            // Each process's use stays inside its limit, a budget carved out of its creator's.
            Assert.True(row.KiB <= row.LimitKiB, $"{name} uses more than its limit: {row}");
        }
        // The manifest's limits (boot-manifest.txt), and Init's: the machine minus the kernel, so
        // more than every other limit together (it gave theirs out of its own).
        Assert.Equal(512, ps["serial"].LimitKiB);
        Assert.Equal(1024, ps["console"].LimitKiB);
        long others = ps.Where(p => p.Key != "init").Sum(p => p.Value.LimitKiB);
        Assert.True(ps["init"].LimitKiB > others, $"init's limit {ps["init"].LimitKiB} KiB is not above the others' {others} KiB");
        // `mem`: the machine, then each process's use and limit (the same figures as ps).
        List<string> mem = ShellTests.Run(machine, "mem");
        Assert.Equal("PID NAME USE-KIB LIMIT-KIB", mem[1]);
        foreach (string line in mem.Skip(2))
        {
            Match m = Regex.Match(line, @"^(?<pid>\d+) (?<name>[a-z-]+) (?<use>\d+) (?<limit>\d+)$");
            Assert.True(m.Success, $"not a mem line: '{line}'");
            Assert.Equal(ps[m.Groups["name"].Value].LimitKiB, long.Parse(m.Groups["limit"].Value));
            Assert.True(long.Parse(m.Groups["use"].Value) <= long.Parse(m.Groups["limit"].Value), line);
        }
        Assert.Equal(ps.Count, mem.Count - 2);
        // The shell only calls; the console only answers it (and calls the serial driver).
        Assert.True(ps["shell"].Sent > 0 && ps["console"].Received > 0 && ps["console"].Sent > 0, $"{ps["shell"]} / {ps["console"]}");

        Assert.Equal(new[] { "ioports:3f8+8", "irq:4" }, Devices(machine, "serial"));
        Assert.Equal(new[] { "ioports:60+1", "ioports:64+1", "irq:1" }, Devices(machine, "keyboard"));
        Assert.Equal(new[] { "frame:b8000+1", "ioports:3d4+2" }, Devices(machine, "console"));
        Assert.Equal(new[] { "ioports:1f0+8", "ioports:3f6+1", "irq:14" }, Devices(machine, "ata"));
        Assert.Equal(new[] { "ioports:70+2", "irq:8" }, Devices(machine, "rtc"));
        foreach (string name in new[] { "shell", "names", "supervisor", "init", "fat" })
            Assert.Empty(Devices(machine, name));
        // By pid, the same as by name.
        Assert.Equal(ShellTests.Run(machine, "caps serial"), ShellTests.Run(machine, $"caps {ps["serial"].Pid}"));
        // The shell's five: console and supervisor endpoints (send only; the supervisor's with grant,
        // to lend `update` its image frame), its lineready notification (wait only), Names (send only,
        // unbadged: it may look names up for `ping`, not register), and the IPC trace ring (`ipctrace`:
        // read and control; no other server holds it).
        Assert.Equal(new[] { "1 endpoint -w--", "2 endpoint -wg-", "3 notification r---", "4 endpoint -w--", "5 trace rw--" },
            ShellTests.Run(machine, "caps shell").Skip(1).Select(l => string.Join(' ', l.Split(' ').Take(3))));

        Assert.Equal(new[] { "refused: init is not supervised (init and the supervisor stay up)" }, ShellTests.Run(machine, "kill init"));
        Assert.Equal(new[] { "refused: 1 is not supervised (init and the supervisor stay up)" }, ShellTests.Run(machine, "kill 1"));
        Assert.Equal(new[] { "refused: supervisor is not supervised (init and the supervisor stay up)" }, ShellTests.Run(machine, "kill supervisor"));
        Assert.Equal(new[] { "refused: supervisor is not supervised (init and the supervisor stay up)" }, ShellTests.Run(machine, "crash supervisor"));
        Assert.Equal(new[] { "refused: init is not supervised (init and the supervisor stay up)" }, ShellTests.Run(machine, "restart init"));
        Assert.Equal(new[] { "no such server 'nobody' (ps lists them)" }, ShellTests.Run(machine, "kill nobody"));
        Assert.Equal(new[] { "no such server 'nobody' (ps lists them)" }, ShellTests.Run(machine, "caps nobody"));
        Assert.DoesNotContain(machine.Lines, l => l.StartsWith("process ", StringComparison.Ordinal) && (l.Contains(" killed", StringComparison.Ordinal) || l.Contains(" exited", StringComparison.Ordinal)));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // The serial driver carries the shell's output, the console all of it: after either dies the next
    // command must still come back on the serial line. The keyboard's restart must bring its IRQ back.
    [Fact]
    public void CrashedDriversAndConsoleAreRestartedAndTheNextCommandWorks()
    {
        using QemuMachine machine = ShellTests.BootSystem(_output, monitor: true);
        (string Server, string Kind, Regex Death)[] crashes =
        {
            ("serial", "null", new Regex(@"^process serial \(pid \d+\) killed: #PF Page Fault at rip 0x[0-9A-F]+ address 0x0000000000000000 \(page not present, write, user\)$")),
            ("console", "wild", new Regex(@"^process console \(pid \d+\) killed: #PF Page Fault at rip 0x[0-9A-F]+ address 0x00000DEAD0000000 ")),
            ("keyboard", "exit", new Regex(@"^process keyboard \(pid \d+\) exited with code 3$")),
        };
        Dictionary<string, PsRow> before = Ps(machine);
        foreach ((string server, string kind, Regex death) in crashes)
        {
            int from = machine.Lines.Count;
            (List<string> output, int pid) = RunUntilRestarted(machine, $"crash {server} {kind}", server);
            Assert.Equal(new[] { "ok" }, output);
            machine.WaitForLineIndex(death, from);
            Assert.Equal(new[] { $"after {server}" }, ShellTests.Run(machine, $"echo after {server}"));
            PsRow row = Ps(machine)[server];
            Assert.Equal(("running", 1, pid), (row.State, row.Restarts, row.Pid));
            Assert.NotEqual(before[server].Pid, row.Pid);
        }
        // Every server but the three crashed ones is the same process as at boot.
        Dictionary<string, PsRow> after = Ps(machine);
        foreach (string name in Servers.Except(crashes.Select(c => c.Server)))
            Assert.Equal((before[name].Pid, 0), (after[name].Pid, after[name].Restarts));

        // The restarted keyboard driver: keys reach the shell and the screen.
        int typed = machine.ConsoleLines.Count;
        foreach (string key in new[] { "e", "c", "h", "o", "spc", "k", "b", "d", "ret" })
            machine.Monitor($"sendkey {key}");
        int echo = machine.WaitForConsoleLine(new Regex(@"^microos> echo kbd$"), typed).Index;
        machine.WaitForConsoleLine(new Regex(@"^kbd$"), echo + 1);
        Assert.Contains("microos> echo kbd", ShellTests.ReadScreen(machine));
        Assert.DoesNotContain(machine.Lines, l => l.Contains("missed", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }

    // A console spinning in its handler takes no heartbeat: the supervisor kills and restarts it,
    // and the shell's output, which waited on the console's endpoint meanwhile, comes through.
    // Then kill and restart by name, from the shell.
    [Fact]
    public void AConsoleStuckInALoopIsCaughtByTheHeartbeatAndKillAndRestartWork()
    {
        using QemuMachine machine = ShellTests.BootSystem(_output);
        Assert.Equal(new[] { "ok" }, RunUntilRestarted(machine, "crash console loop", "console").Output);
        machine.WaitForLine(ServerLog.Said("supervisor", "supervisor: console missed 10 heartbeats; killing it"));
        Assert.Equal(new[] { "back" }, ShellTests.Run(machine, "echo back"));
        Assert.Equal(1, Ps(machine)["console"].Restarts);

        Assert.Equal(new[] { "ok" }, RunUntilRestarted(machine, "kill keyboard", "keyboard").Output);
        Assert.Equal(new[] { "ok" }, RunUntilRestarted(machine, "restart serial", "serial").Output);
        Assert.Equal(new[] { "still here" }, ShellTests.Run(machine, "echo still here"));
        Dictionary<string, PsRow> ps = Ps(machine);
        Assert.Equal((1, 1, 1), (ps["console"].Restarts, ps["keyboard"].Restarts, ps["serial"].Restarts));
        Assert.Equal((0, 0), (ps["names"].Restarts, ps["shell"].Restarts));
        // Only the console was caught by the heartbeat; the busy shell session never looked hung.
        Assert.Single(machine.Lines, l => l.Contains("missed", StringComparison.Ordinal));
        ServerLog.AssertKernelHealthy(machine.Lines);
    }
}
