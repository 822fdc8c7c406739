namespace MicroOS.Tests.Harness;

// The lines received from the machine's serial port, appended by a reader thread and awaited by the
// test thread. Waiting is event-driven (Monitor.Wait/PulseAll) with a deadline, never a blind sleep.
public sealed class SerialLog
{
    public enum WaitOutcome
    {
        Found,
        Closed,     // the stream ended (QEMU exited) and no line matched
        TimedOut,
    }

    private readonly object _gate = new();
    private readonly List<string> _lines = new();
    private bool _closed;

    public void Append(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
            Monitor.PulseAll(_gate);
        }
    }

    // Called once the stream has ended: no more lines will come.
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
            return _lines.ToArray();
    }

    // Looks for the first line (from the very first one received) that satisfies `match`.
    public WaitOutcome WaitFor(Func<string, bool> match, TimeSpan timeout, out string? line) =>
        WaitFor(match, 0, timeout, out line, out _);

    // Looks for the first line at position `from` or later (0 = the very first line received) that
    // satisfies `match`; `index` is its position in Snapshot(), or -1 when none was found.
    public WaitOutcome WaitFor(Func<string, bool> match, int from, TimeSpan timeout, out string? line, out int index)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        int checkedCount = Math.Max(from, 0);
        lock (_gate)
        {
            while (true)
            {
                for (; checkedCount < _lines.Count; checkedCount++)
                {
                    if (match(_lines[checkedCount]))
                    {
                        line = _lines[checkedCount];
                        index = checkedCount;
                        return WaitOutcome.Found;
                    }
                }
                line = null;
                index = -1;
                if (_closed)
                    return WaitOutcome.Closed;
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                    return WaitOutcome.TimedOut;
                Monitor.Wait(_gate, left);
            }
        }
    }
}
