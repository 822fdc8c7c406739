using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MicroOS.Tests.Harness;

// One MicroOS machine under QEMU (TCG), talking over its serial ports (COM2 = the kernel log,
// QEMU's second -serial, on stdio; COM1 = the serial driver's line, the first -serial, a socket or null).
// Every boot test goes through this class:
//   using var machine = QemuMachine.Boot(output, new QemuOptions { CommandLine = "exit test=divide" });
//   machine.WaitForLine("FAULT: #DE");
//   Assert.Equal(KernelExit.CpuFault, machine.WaitForExit());
// Waits have deadlines; any failure (timeout, QEMU gone early) throws with the whole serial log in
// the message, and Dispose always writes the log to the test's output.
public sealed class QemuMachine : IDisposable
{
    // A boot takes about a second under TCG on an idle machine; the margin covers a loaded 2-core
    // build box running two QEMUs plus the test host. OVMF needs several seconds on its own.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultUefiTimeout = TimeSpan.FromSeconds(120);
    // Under -icount shift=0 QEMU runs slower than plain TCG, and it is slowed further when the machine is
    // loaded (the boot alone is ~220 M guest instructions): these deadlines only catch hangs.
    public static readonly TimeSpan DefaultCountedTimeout = TimeSpan.FromSeconds(180);

    // After QEMU exits, the reader may still be handing over the last buffered bytes.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly SerialLog _serial = new();
    private readonly Task _serialPump;
    private readonly Task<string> _stderr;
    private readonly ITestOutputHelper _output;
    private readonly string _commandDisplay;
    private bool _disposed;
    private string? _monitorSocket;
    private bool _killed;
    private readonly SerialLog _console = new();
    private string? _consoleSocketPath;
    private System.Net.Sockets.Socket? _consoleSocket;
    private Task? _consolePump;

    private QemuMachine(ITestOutputHelper output, ProcessStartInfo start, QemuOptions options)
    {
        _output = output;
        Options = options;
        _commandDisplay = start.FileName + " " + string.Join(" ", start.ArgumentList.Select(QuoteForDisplay));
        try
        {
            _process = Process.Start(start) ?? throw new QemuTestException($"could not start {start.FileName}");
        }
        catch (Win32Exception e)
        {
            throw new QemuTestException($"could not start {start.FileName} ({e.Message}): is QEMU installed?");
        }
        _serialPump = Task.Run(() => PumpSerial(_process.StandardOutput.BaseStream));
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public QemuOptions Options { get; }

    // The serial lines received so far (CRs removed).
    public IReadOnlyList<string> Lines => _serial.Snapshot();

    public string Log => string.Join("\n", Lines);

    public static QemuMachine Boot(ITestOutputHelper output, QemuOptions? options = null)
    {
        string? monitorSocket = null;
        options ??= new QemuOptions();
        if (options.Uefi && !File.Exists(RepoPaths.OvmfFirmware))
            throw new QemuTestException($"UEFI boot needs {RepoPaths.OvmfFirmware}: install the ovmf package");

        var start = new ProcessStartInfo("qemu-system-x86_64")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in QemuArguments(options, options.Iso ?? RepoPaths.Iso))
            start.ArgumentList.Add(argument);
        if (options.Monitor)
        {
            monitorSocket = Path.Combine(Path.GetTempPath(), $"microos-monitor-{Guid.NewGuid():N}.sock");
            int i = start.ArgumentList.IndexOf("-monitor");
            start.ArgumentList[i + 1] = $"unix:{monitorSocket},server=on,wait=off";
        }
        string? consoleSocket = null;
        if (options.SerialConsole)
        {
            consoleSocket = Path.Combine(Path.GetTempPath(), $"microos-com1-{Guid.NewGuid():N}.sock");
            int i = start.ArgumentList.IndexOf("-serial");      // the first: COM1
            start.ArgumentList[i + 1] = $"unix:{consoleSocket},server=on,wait=off";
        }
        var machine = new QemuMachine(output, start, options) { _monitorSocket = monitorSocket, _consoleSocketPath = consoleSocket };
        if (consoleSocket != null)
            machine.ConnectConsole();
        return machine;
    }

    // COM1's socket: QEMU creates it at start; output sent before the connection would be lost
    // (wait=off), so the harness connects before the guest has booted far.
    private void ConnectConsole()
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        while (true)
        {
            try
            {
                socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(_consoleSocketPath!));
                break;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                Thread.Sleep(20);       // QEMU has not created the socket yet
            }
            catch (System.Net.Sockets.SocketException e)
            {
                socket.Dispose();
                throw Failure($"could not connect to COM1's socket ({e.Message})");
            }
        }
        _consoleSocket = socket;
        _consolePump = Task.Run(() => PumpLines(new System.Net.Sockets.NetworkStream(socket, ownsSocket: false), _console));
    }

    // The SMBIOS system product name the loader (BiosLoader.asm) and grub.cfg check before loading the test-only images
    // (MicroOS.Build.csproj's TestOnlyImage; a plain boot does without them).
    public const string TestImagesSmbios = "type=1,product=MicroOS test images";

    public static IReadOnlyList<string> QemuArguments(QemuOptions options, string iso)
    {
        var args = new List<string>();
        if (options.Uefi)
            args.AddRange(new[] { "-bios", RepoPaths.OvmfFirmware });
        if (options.CountInstructions)
            args.AddRange(new[] { "-icount", "shift=0" });
        if (options.RtcBase != null)
            args.AddRange(new[] { "-rtc", $"base={options.RtcBase},clock=vm" });
        args.AddRange(new[]
        {
            "-cpu", options.Cpu,
            "-cdrom", iso,
            "-m", $"{options.MemoryMiB}M",
            // The first -serial is COM1 (0x3F8), the second COM2 (0x2F8). COM1 is the serial driver's:
            // Boot points it at a Unix socket (QemuOptions.SerialConsole), or nothing is connected.
            // COM2 is the kernel log, on stdio.
            "-serial", options.SerialConsole ? "none" : "null",
            "-serial", "stdio",
        });
        args.AddRange(new[]
        {
            "-display", "none",
            "-monitor", "none",
            "-no-reboot",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
        });
        if (options.Disk != null)
        {
            // Primary master; `-boot order=d` keeps the CD the boot device (SeaBIOS would try the disk
            // first). Commas in the path are doubled, QEMU's escape.
            string drive = $"file={options.Disk.Replace(",", ",,")},format=raw,if=ide,index=0,media=disk";
            args.AddRange(new[] { "-drive", options.DiskSnapshot ? drive + ",snapshot=on" : drive, "-boot", "order=d" });
        }
        // The loader (and GRUB) reads the test-only server images (probe, conformance, ...) only when asked.
        if (options.TestImages)
            args.AddRange(new[] { "-smbios", TestImagesSmbios });
        // QEMU rejects an empty fw_cfg string; no file at all means "no extra options" to the kernel.
        // A comma would end QEMU's option value, so it is doubled (QEMU's escape).
        if (options.CommandLine.Length > 0)
            args.AddRange(new[] { "-fw_cfg", "name=opt/microos/cmdline,string=" + options.CommandLine.Replace(",", ",,") });
        return args;
    }

    // Returns the first line (already received or still to come) containing `text`.
    public string WaitForLine(string text, TimeSpan? timeout = null) =>
        WaitFor(line => line.Contains(text, StringComparison.Ordinal), $"line containing \"{text}\"", timeout);

    // Returns the first line (already received or still to come) matching `pattern`.
    public string WaitForLine(Regex pattern, TimeSpan? timeout = null) =>
        WaitFor(pattern.IsMatch, $"line matching /{pattern}/", timeout);

    // As WaitForLine(Regex), returning the match so the caller can read its groups.
    public Match WaitForMatch(Regex pattern, TimeSpan? timeout = null) => pattern.Match(WaitForLine(pattern, timeout));

    // Waits for the first line at position `from` or later (positions as in Lines) matching
    // `pattern` and returns its position, so a test can check what came before or after it.
    public int WaitForLineIndex(Regex pattern, int from = 0, TimeSpan? timeout = null) =>
        WaitForFirst(pattern.IsMatch, from, $"line matching /{pattern}/" + (from > 0 ? $" at or after line {from}" : ""), timeout).Index;

    // The lines received on COM1, the shell's serial line (QemuOptions.SerialConsole; CRs removed).
    public IReadOnlyList<string> ConsoleLines => _console.Snapshot();

    // Writes to COM1's input, as a person at a serial terminal types.
    public void SendConsole(string text)
    {
        if (_consoleSocket == null)
            throw new InvalidOperationException("boot with QemuOptions.SerialConsole = true to use COM1");
        try
        {
            _consoleSocket.Send(Encoding.Latin1.GetBytes(text));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw Failure($"could not send {text.Length} characters to COM1 ({e.Message})");
        }
    }

    // The first COM1 line at position `from` or later (positions as in ConsoleLines) matching
    // `pattern`, and its position.
    public (string Line, int Index) WaitForConsoleLine(Regex pattern, int from = 0, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeoutFor(Options);
        switch (_console.WaitFor(pattern.IsMatch, from, limit, out string? line, out int index))
        {
            case SerialLog.WaitOutcome.Found:
                return (line!, index);
            case SerialLog.WaitOutcome.Closed:
                throw Failure($"COM1 closed ({ExitStatusText()}) without a line matching /{pattern}/ at or after line {from}");
            default:
                throw Failure($"no COM1 line matching /{pattern}/ at or after line {from} within {limit.TotalSeconds:0} s");
        }
    }

    // Writes to the kernel log's serial input (COM2, stdio; the kernel does not read it). Input for
    // the serial driver goes to COM1: SendConsole.
    public void Send(string text)
    {
        try
        {
            _process.StandardInput.Write(text);
            _process.StandardInput.Flush();
        }
        catch (IOException e)
        {
            throw Failure($"could not send {text.Length} characters to the serial port ({e.Message})");
        }
    }

    // Runs one command in QEMU's human monitor (QemuOptions.Monitor) and returns what it printed.
    public string Monitor(string command, TimeSpan? timeout = null)
    {
        if (_monitorSocket == null)
            throw new InvalidOperationException("boot with QemuOptions.Monitor = true to use the monitor");
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        while (true)
        {
            try
            {
                socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(_monitorSocket));
                break;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                Thread.Sleep(50);       // QEMU has not created the socket yet
            }
        }
        socket.ReceiveTimeout = (int)Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds);
        ReadUntilPrompt(socket);        // the banner
        socket.Send(Encoding.ASCII.GetBytes(command + "\n"));
        return ReadUntilPrompt(socket);
    }

    private static string ReadUntilPrompt(System.Net.Sockets.Socket socket)
    {
        var text = new StringBuilder();
        var buffer = new byte[1024];
        while (!text.ToString().EndsWith("(qemu) ", StringComparison.Ordinal))
        {
            int n = socket.Receive(buffer);
            if (n == 0)
                break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return text.ToString();
    }

    // Waits for QEMU to end and returns its exit status (see KernelExit). On timeout QEMU is killed.
    public int WaitForExit(TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeoutFor(Options);
        if (!_process.WaitForExit(limit))
        {
            Kill();
            throw Failure($"QEMU did not exit within {limit.TotalSeconds:0} s");
        }
        _serialPump.Wait(DrainTimeout);
        return _process.ExitCode;
    }

    // Ends QEMU at once (SIGKILL), as a power cut ends a machine: whatever the guest had not yet
    // written to the disk image is lost; what QEMU wrote stays in the image file.
    public void PowerCut() => Kill();

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Kill();
        _serialPump.Wait(DrainTimeout);
        WriteLogToTestOutput();
        _process.Dispose();
        _consoleSocket?.Dispose();
        _consolePump?.Wait(DrainTimeout);
        if (_monitorSocket != null)
            File.Delete(_monitorSocket);
        if (_consoleSocketPath != null)
            File.Delete(_consoleSocketPath);
    }

    private static TimeSpan DefaultTimeoutFor(QemuOptions options) =>
        options.Uefi ? DefaultUefiTimeout : options.CountInstructions ? DefaultCountedTimeout : DefaultTimeout;

    private string WaitFor(Func<string, bool> match, string what, TimeSpan? timeout) =>
        WaitForFirst(match, 0, what, timeout).Line;

    private (string Line, int Index) WaitForFirst(Func<string, bool> match, int from, string what, TimeSpan? timeout)
    {
        TimeSpan limit = timeout ?? DefaultTimeoutFor(Options);
        switch (_serial.WaitFor(match, from, limit, out string? line, out int index))
        {
            case SerialLog.WaitOutcome.Found:
                return (line!, index);
            case SerialLog.WaitOutcome.Closed:
                _process.WaitForExit(DrainTimeout);
                throw Failure($"QEMU exited ({ExitStatusText()}) without printing a {what}");
            default:
                throw Failure($"no {what} within {limit.TotalSeconds:0} s");
        }
    }

    private void PumpSerial(Stream stream) => PumpLines(stream, _serial);

    private static void PumpLines(Stream stream, SerialLog log)
    {
        var decoder = new SerialDecoder(log.Append);
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                decoder.Feed(buffer.AsSpan(0, read));
            decoder.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The socket went away with QEMU (or the test's end disposed it).
        }
        finally
        {
            log.Close();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _killed = true;
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(DrainTimeout);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to do.
        }
    }

    private string ExitStatusText()
    {
        if (!_process.HasExited)
            return "still running";
        return _killed ? "killed by the test harness" : $"exit status {_process.ExitCode}";
    }

    private QemuTestException Failure(string reason) => new(reason + "\n" + Report());

    // Everything needed to diagnose a failed boot: the command, its status, the serial log, stderr.
    private string Report()
    {
        IReadOnlyList<string> lines = Lines;
        var report = new StringBuilder();
        report.AppendLine($"qemu: {_commandDisplay}");
        report.AppendLine($"qemu status: {ExitStatusText()}");
        report.AppendLine($"--- serial log ({lines.Count} lines) ---");
        foreach (string line in lines)
            report.AppendLine(Printable(line));
        report.AppendLine("--- end of serial log ---");
        if (_consoleSocketPath != null)
        {
            IReadOnlyList<string> console = ConsoleLines;
            report.AppendLine($"--- COM1 ({console.Count} lines) ---");
            foreach (string line in console)
                report.AppendLine(Printable(line));
            report.AppendLine("--- end of COM1 ---");
        }
        string stderr = _stderr.IsCompletedSuccessfully ? _stderr.Result.Trim() : "";
        if (stderr.Length > 0)
            report.AppendLine("qemu stderr: " + Printable(stderr));
        return report.ToString();
    }

    private void WriteLogToTestOutput()
    {
        try
        {
            _output.WriteLine(Report());
        }
        catch (InvalidOperationException)
        {
            // Disposed outside a running test (no active output): there is nobody to show the log to.
        }
    }

    // Firmware and GRUB write terminal escape sequences; show control characters as \xNN so the
    // log stays readable (and valid in XML test reports).
    private static string Printable(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c < ' ' && c != '\t' && c != '\n')
                result.Append($"\\x{(int)c:X2}");
            else
                result.Append(c);
        }
        return result.ToString();
    }

    private static string QuoteForDisplay(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : "\"" + argument + "\"";
}
