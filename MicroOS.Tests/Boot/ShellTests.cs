using System.Globalization;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The shell over its two input paths (docs/console.md): the serial line on COM1 (the harness's
// SendConsole / WaitForConsoleLine) and the PS/2 keyboard (QEMU monitor `sendkey`), with the VGA
// text screen read back through the monitor. The whole system is booted (`manifest=system`: Init
// starts names, the drivers, the console, the shell and the supervisor); the supervisor's commands
// and crashes are SystemShellTests'.
public sealed class ShellTests
{
    public const string Banner = "MicroOS shell. Type help.";
    private static readonly string[] Usage =
    {
        "commands: help | echo TEXT | clear | uptime | date | mem | bench [fs [MIB]]",
        "          ps | caps PID|NAME | kill PID|NAME | restart NAME",
        "          crash NAME [null|wild|loop|exit] | ping NAME | kv put|get|del|count",
        "          call NAME METHOD [ARGS...] | contracts [NAME] | capgraph",
        "          ipctrace [on|off|NAME...] | uname [ITEM]",
        "          run FILE [ARGS...] | update NAME FILE",
        "          ls [-l] [PATH] | cat FILE | write FILE TEXT | append FILE TEXT",
        "          cp SRC DST | mv SRC DST | rm FILE | mkdir DIR | rmdir DIR",
        "          cd DIR | pwd | df | sync | sum FILE | hexdump FILE",
    };
    private static readonly Regex MemLine = new(@"^mem: (?<free>\d+) free frames of (?<managed>\d+) \((?<freekib>\d+) KiB free of (?<kib>\d+) KiB\); kernel heap (?<heap>\d+) bytes, (?<kept>\d+) frames kept$");
    private static readonly Regex UptimeLine = new(@"^uptime: (?<s>\d+)\.(?<ms>\d{3}) s \((?<ticks>\d+) ticks at 100 Hz\)$");

    private readonly ITestOutputHelper _output;

    public ShellTests(ITestOutputHelper output) => _output = output;

    private QemuMachine BootShell(bool monitor = false) => BootSystem(_output, monitor);

    // The whole OS, as a plain boot brings it up, with COM1 and optionally the monitor on sockets.
    public static QemuMachine BootSystem(ITestOutputHelper output, bool monitor = false)
    {
        var machine = QemuMachine.Boot(output, new QemuOptions { CommandLine = "quiet manifest=system", SerialConsole = true, Monitor = monitor });
        machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(Banner) + "$"));
        return machine;
    }

    // Types `input` and Enter on COM1 and returns what the shell printed for it: the lines between
    // the echo of the command line (`echoed`, the prompt and what the line editor shows) and the
    // next prompt. The next prompt becomes a line when a second, empty line is typed: the console
    // collects input only while the shell waits for a line, so it comes after all of the output.
    // `beforeNextLine` runs between the echo and the empty line (SystemShellTests: wait until a
    // restarted serial driver runs, since bytes a driver buffered die with it).
    public static List<string> Run(QemuMachine machine, string input, string? echoed = null, Action? beforeNextLine = null)
    {
        int from = machine.ConsoleLines.Count;
        machine.SendConsole(input + "\r");
        (string line, int echo) = machine.WaitForConsoleLine(new Regex("^microos> "), from);
        Assert.Equal("microos> " + (echoed ?? input), Render(line));
        beforeNextLine?.Invoke();
        machine.SendConsole("\r");
        // (After `clear` the prompt follows the terminal's clear-screen sequence.)
        int prompt = machine.WaitForConsoleLine(new Regex(@"^(\x1b\[2J\x1b\[H)?microos> $"), echo + 1).Index;
        return machine.ConsoleLines.Skip(echo + 1).Take(prompt - echo - 1).ToList();
    }

    [Fact]
    public void EachCommandPrintsWhatItShould()
    {
        using QemuMachine machine = BootShell();

        Assert.Equal(Usage, Run(machine, "help"));
        Assert.Equal(new[] { "hello serial world" }, Run(machine, "echo hello   serial world"));
        Assert.Equal(new[] { "" }, Run(machine, "echo"));

        Match first = UptimeLine.Match(Assert.Single(Run(machine, "uptime")));
        Assert.True(first.Success);
        Match second = UptimeLine.Match(Assert.Single(Run(machine, "uptime")));
        Assert.True(second.Success);
        long ticks1 = long.Parse(first.Groups["ticks"].Value), ticks2 = long.Parse(second.Groups["ticks"].Value);
        Assert.True(ticks1 > 0 && ticks2 >= ticks1, $"uptime went from {ticks1} to {ticks2} ticks");
        Assert.Equal(ticks1 * 10, long.Parse(first.Groups["s"].Value) * 1000 + long.Parse(first.Groups["ms"].Value));

        List<string> memLines = Run(machine, "mem");
        Match mem = MemLine.Match(memLines[0]);
        Assert.True(mem.Success);
        long free = long.Parse(mem.Groups["free"].Value), managed = long.Parse(mem.Groups["managed"].Value);
        Assert.InRange(free, 1, managed);
        Assert.Equal(free * 4, long.Parse(mem.Groups["freekib"].Value));
        Assert.Equal(managed * 4, long.Parse(mem.Groups["kib"].Value));
        // The kernel heap (system_info r8, r9): in use, and the frames it kept fit in the machine.
        Assert.InRange(long.Parse(mem.Groups["heap"].Value), 1, managed * 4096);
        Assert.InRange(long.Parse(mem.Groups["kept"].Value), 0, managed - free);

        Assert.Matches(@"^bench: 1000 round trips to the console, [1-9]\d* TSC cycles per call$", Assert.Single(Run(machine, "bench")));

        Assert.Equal(new[] { "unknown command 'frobnicate'" }.Concat(Usage), Run(machine, "frobnicate now"));
        Assert.Equal(new[] { "usage: kill PID|NAME" }, Run(machine, "kill"));
        Assert.Equal(new[] { "usage: kill PID|NAME" }, Run(machine, "kill 1 2"));
        Assert.Equal(new[] { "usage: caps PID|NAME" }, Run(machine, "caps"));
        Assert.Equal(new[] { "usage: restart NAME" }, Run(machine, "restart"));
        Assert.Equal(new[] { "usage: crash NAME [null|wild|loop|exit]" }, Run(machine, "crash serial sideways"));
        Assert.Equal(new[] { "usage: crash NAME [null|wild|loop|exit]" }, Run(machine, "crash"));
        Assert.Equal(new[] { "usage: uptime" }, Run(machine, "uptime now"));
        Assert.Equal(new[] { "usage: mem" }, Run(machine, "mem x"));
        Assert.Equal(new[] { "usage: bench | bench fs [MIB]" }, Run(machine, "bench 5"));
        Assert.Equal(new[] { "usage: ping NAME" }, Run(machine, "ping"));
        Assert.Equal(new[] { "usage: ping NAME" }, Run(machine, "ping serial console"));
        // ping NAME: Names' lookup, then the Debug contract's Ping on what it returned.
        Assert.Matches(@"^serial answered in \d+ us$", Assert.Single(Run(machine, "ping serial")));
        Assert.Matches(@"^console answered in \d+ us$", Assert.Single(Run(machine, "ping console")));
        Assert.Equal(new[] { "ping: no server named 'nosuch'" }, Run(machine, "ping nosuch"));
        Assert.Equal(new[] { "ping: 'Bad!' is not a server name (1..32 of a-z 0-9 -)" }, Run(machine, "ping Bad!"));
    }

    [Fact]
    public void ClearEmptiesTheScreenAndTheShellGoesOn()
    {
        using QemuMachine machine = BootShell(monitor: true);
        Assert.Equal(new[] { "before" }, Run(machine, "echo before"));
        Run(machine, "clear");
        // The empty line typed after `clear` shows a prompt; the next prompt waits below it. Run
        // returns at the first prompt's line end (the echo of the empty line), so the second may be
        // still on its way to the screen: read until it is there, or the deadline.
        string[] expected = { "microos>", "microos>" }, shown = Array.Empty<string>();
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && !shown.SequenceEqual(expected); )
            shown = ReadScreen(machine).Where(r => r.Length > 0).ToArray();
        Assert.Equal(expected, shown);
        Assert.Equal(new[] { "after" }, Run(machine, "echo after"));
    }

    [Fact]
    public void KeyboardInputReachesTheShellAndTheScreen()
    {
        using QemuMachine machine = BootShell(monitor: true);
        int from = machine.ConsoleLines.Count;
        // `echo Kbd 42!` on the PS/2 keyboard: shift, digits, a shifted digit, then Enter.
        foreach (string key in new[] { "e", "c", "h", "o", "spc", "shift-k", "b", "d", "spc", "4", "2", "shift-1", "ret" })
            machine.Monitor($"sendkey {key}");
        // The console mirrors the keyboard's echo and the output to the serial line.
        int echo = machine.WaitForConsoleLine(new Regex(@"^microos> echo Kbd 42!$"), from).Index;
        machine.WaitForConsoleLine(new Regex(@"^Kbd 42!$"), echo + 1);
        // Backspace and an arrow on the keyboard: `echo xz`, Left, `y`, Backspace twice... -> `echo z`.
        foreach (string key in new[] { "e", "c", "h", "o", "spc", "x", "y", "z", "left", "backspace", "backspace", "ret" })
            machine.Monitor($"sendkey {key}");
        machine.WaitForConsoleLine(new Regex(@"^z$"), echo + 2);
        machine.SendConsole("\r");
        machine.WaitForConsoleLine(new Regex(@"^microos> $"), echo + 2);

        string[] rows = ReadScreen(machine);
        int typed = Array.IndexOf(rows, "microos> echo Kbd 42!");
        Assert.True(typed >= 0, "the VGA screen does not show the typed line:\n" + string.Join("\n", rows));
        Assert.Equal("Kbd 42!", rows[typed + 1]);
        Assert.Equal("microos> echo z", rows[typed + 2]);
        Assert.Equal("z", rows[typed + 3]);
    }

    [Fact]
    public void SerialLineEditingWithArrowsAndHistory()
    {
        using QemuMachine machine = BootShell();
        // Left twice, insert, Right, Home then insert at the start, End then append.
        Assert.Equal(new[] { "abXcd!" }, Run(machine, "cho abcd\x1b[D\x1b[DX\x1b[C\x1b[He\x1b[F!", "echo abXcd!"));
        // Backspace (DEL and BS) and Delete (ESC [ 3 ~).
        Assert.Equal(new[] { "ad" }, Run(machine, "echo abc\u007f\bd", "echo ad"));
        Assert.Equal(new[] { "bc" }, Run(machine, "echo abc\x1b[H\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[3~", "echo bc"));
        // Ctrl-U clears the line.
        Assert.Equal(new[] { "fresh" }, Run(machine, "garbage\u0015echo fresh", "echo fresh"));
        // History: Up recalls the previous lines, Down walks back; the empty lines Run types are not kept.
        Assert.Equal(new[] { "one" }, Run(machine, "echo one"));
        Assert.Equal(new[] { "two" }, Run(machine, "echo two"));
        Assert.Equal(new[] { "two" }, Run(machine, "\x1b[A", "echo two"));
        Assert.Equal(new[] { "one" }, Run(machine, "\x1b[A\x1b[A", "echo one"));
        Assert.Equal(new[] { "two" }, Run(machine, "\x1b[A\x1b[A\x1b[A\x1b[B", "echo two"));
        Assert.Equal(new[] { "one!" }, Run(machine, "\x1b[A\x1b[A!", "echo one!"));
    }

    [Fact]
    public void FiveHundredCommandsLeaveFreeMemoryWhereItWas()
    {
        using QemuMachine machine = BootShell();
        string[] commands = { "echo round {0}", "uptime", "frobnicate {0}", "kill", "ps", "help" };
        // First the servers' garbage-collected heaps grow to their working size (they keep the pages
        // they mapped: measured, about 150 frames over the first 800 commands, then flat). Warm up
        // until three rounds of 100 commands in a row leave free memory unchanged.
        long previous = Free(machine);
        int steady = 0;
        for (int round = 0; round < 30 && steady < 3; round++)
        {
            for (int i = 0; i < 100; i++)
                Run(machine, string.Format(CultureInfo.InvariantCulture, commands[i % commands.Length], i));
            long now = Free(machine);
            steady = now == previous ? steady + 1 : 0;
            previous = now;
        }
        Assert.True(steady == 3, "free memory never settled during the warm-up");
        long before = Free(machine);
        for (int i = 0; i < 500; i++)
            Run(machine, string.Format(CultureInfo.InvariantCulture, commands[i % commands.Length], i));
        long after = Free(machine);
        Assert.Equal(before, after);
    }

    // What a terminal shows for a line of the editor's echo: '\b' moves left, the rest overwrites.
    private static string Render(string echo)
    {
        var cells = new List<char>();
        int cursor = 0;
        foreach (char c in echo)
        {
            if (c == '\b')
            {
                cursor = Math.Max(0, cursor - 1);
                continue;
            }
            if (cursor == cells.Count)
                cells.Add(c);
            else
                cells[cursor] = c;
            cursor++;
        }
        return new string(cells.ToArray()).TrimEnd();
    }

    private static long Free(QemuMachine machine)
    {
        Match mem = MemLine.Match(Run(machine, "mem")[0]);
        Assert.True(mem.Success);
        return long.Parse(mem.Groups["free"].Value);
    }

    private static readonly Regex MemoryLine = new(@"^[0-9a-f]+:(?<words>(\s+0x[0-9a-f]{4})+)\s*$", RegexOptions.Multiline);

    // The 80x25 text buffer at 0xB8000, read with the monitor, one string per row (trailing blanks trimmed).
    public static string[] ReadScreen(QemuMachine machine)
    {
        string memory = machine.Monitor("xp /2000hx 0xb8000");
        char[] cells = MemoryLine.Matches(memory.Replace("\r", ""))
            .SelectMany(m => m.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(word => (char)(ushort.Parse(word.AsSpan(2), NumberStyles.HexNumber) & 0xFF))
            .ToArray();
        Assert.Equal(2000, cells.Length);
        return Enumerable.Range(0, 25).Select(r => new string(cells, r * 80, 80).TrimEnd()).ToArray();
    }
}
