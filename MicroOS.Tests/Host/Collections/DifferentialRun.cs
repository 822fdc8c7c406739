using Xunit.Sdk;

namespace MicroOS.Tests.Host.Collections;

// Drives one random operation sequence against our collection and the BCL's, failing at the first
// disagreement with the seed, the step and the operations leading to it (enough to replay it).
internal sealed class DifferentialRun
{
    private const int HistoryShown = 40;

    private readonly string _name;
    private readonly int _seed;
    private readonly List<string> _history = new();

    public DifferentialRun(string name, int seed)
    {
        _name = name;
        _seed = seed;
    }

    // Performs `operation` on both; they must return equal values or throw the same exception type.
    public void Same<T>(string operation, Func<T> ours, Func<T> bcl)
    {
        _history.Add(operation);
        Outcome a = Outcome.Of(ours);
        Outcome b = Outcome.Of(bcl);
        if (a != b)
            Fail($"{operation}: ours {a}, BCL {b}");
    }

    public void Same(string operation, Action ours, Action bcl) =>
        Same(operation, () => { ours(); return "(done)"; }, () => { bcl(); return "(done)"; });

    // Compares observable state after a step (no operation recorded).
    public void SameState(string what, string ours, string bcl)
    {
        if (ours != bcl)
            Fail($"after the last operation, {what} differs:\n  ours: [{ours}]\n  BCL:  [{bcl}]");
    }

    private void Fail(string message)
    {
        IEnumerable<string> recent = _history.Skip(Math.Max(0, _history.Count - HistoryShown));
        throw new XunitException(
            $"{_name}, seed {_seed}, operation #{_history.Count}: {message}\n" +
            $"last {Math.Min(HistoryShown, _history.Count)} operations (oldest first):\n  " + string.Join("\n  ", recent));
    }
}
