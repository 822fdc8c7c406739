extern alias mos;
using Xunit;
using Mos = mos::System.Collections.Generic;

namespace MicroOS.Tests.Host.Collections;

// MicroOS.Runtime's Queue<T> (a circular buffer) against the BCL's. Alternating growth and drain
// phases make the buffer wrap around and grow while wrapped.
public sealed class QueueDifferentialTests
{
    private const int Steps = 4000;
    private const int PhaseLength = 300;

    private enum Op { Enqueue, Dequeue, TryDequeue, Peek, TryPeek, Contains, Clear, Enumerate }

    private static readonly WeightedChoice<Op> Growing = new(
        (Op.Enqueue, 45), (Op.Dequeue, 15), (Op.TryDequeue, 5), (Op.Peek, 8), (Op.TryPeek, 5),
        (Op.Contains, 10), (Op.Clear, 1), (Op.Enumerate, 11));

    private static readonly WeightedChoice<Op> Draining = new(
        (Op.Enqueue, 15), (Op.Dequeue, 35), (Op.TryDequeue, 10), (Op.Peek, 10), (Op.TryPeek, 5),
        (Op.Contains, 10), (Op.Clear, 1), (Op.Enumerate, 14));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomOperationsOnIntsMatchTheBcl(int seed) =>
        RunRandomOperations(seed, random => random.Next(0, 32));

    [Theory]
    [InlineData(11)]
    public void RandomOperationsOnStringsWithNullsMatchTheBcl(int seed) =>
        RunRandomOperations(seed, random => random.Next(8) == 0 ? null : "s" + random.Next(0, 32));

    [Fact]
    public void BadInputsThrowTheSameExceptionsAsTheBcl()
    {
        var ours = new Mos.Queue<int>();
        var bcl = new Queue<int>();

        Expect.SameException<InvalidOperationException>("Dequeue() on a new queue", () => ours.Dequeue(), () => bcl.Dequeue());
        Expect.SameException<InvalidOperationException>("Peek() on a new queue", () => ours.Peek(), () => bcl.Peek());
        ours.Enqueue(1);
        bcl.Enqueue(1);
        ours.Dequeue();
        bcl.Dequeue();
        Expect.SameException<InvalidOperationException>("Dequeue() once drained", () => ours.Dequeue(), () => bcl.Dequeue());
        Expect.SameException<ArgumentOutOfRangeException>("new Queue(-1)", () => new Mos.Queue<int>(-1), () => new Queue<int>(-1));
        ours.Enqueue(2);
        bcl.Enqueue(2);
        Expect.SameException<InvalidOperationException>("Enqueue during foreach", () =>
        {
            foreach (int x in ours)
                ours.Enqueue(x);
        }, () =>
        {
            foreach (int x in bcl)
                bcl.Enqueue(x);
        });
    }

    private static void RunRandomOperations<T>(int seed, Func<Random, T> nextValue)
    {
        var random = new Random(seed);
        var run = new DifferentialRun($"Queue<{typeof(T).Name}>", seed);
        var ours = new Mos.Queue<T>();
        var bcl = new Queue<T>();

        for (int step = 0; step < Steps; step++)
        {
            Op op = (step / PhaseLength % 2 == 0 ? Growing : Draining).Next(random);
            T value = nextValue(random);
            string v = Outcome.Show(value);
            switch (op)
            {
                case Op.Enqueue:
                    run.Same($"Enqueue({v})", () => ours.Enqueue(value), () => bcl.Enqueue(value));
                    break;
                case Op.Dequeue:
                    run.Same("Dequeue()", () => ours.Dequeue(), () => bcl.Dequeue());
                    break;
                case Op.TryDequeue:
                    run.Same("TryDequeue()", () => (ours.TryDequeue(out T? x), Outcome.Show(x)), () => (bcl.TryDequeue(out T? x), Outcome.Show(x)));
                    break;
                case Op.Peek:
                    run.Same("Peek()", () => ours.Peek(), () => bcl.Peek());
                    break;
                case Op.TryPeek:
                    run.Same("TryPeek()", () => (ours.TryPeek(out T? x), Outcome.Show(x)), () => (bcl.TryPeek(out T? x), Outcome.Show(x)));
                    break;
                case Op.Contains:
                    run.Same($"Contains({v})", () => ours.Contains(value), () => bcl.Contains(value));
                    break;
                case Op.Clear:
                    run.Same("Clear()", () => ours.Clear(), () => bcl.Clear());
                    break;
                case Op.Enumerate:
                    run.Same("foreach", () => Enumerate(ours), () => string.Join(",", bcl.Select(Outcome.Show)));
                    break;
            }
            run.SameState("Count", ours.Count.ToString(), bcl.Count.ToString());
            run.SameState("ToArray()", string.Join(",", ours.ToArray().Select(Outcome.Show)), string.Join(",", bcl.ToArray().Select(Outcome.Show)));
        }
    }

    private static string Enumerate<T>(Mos.Queue<T> queue)
    {
        var items = new List<string>();
        foreach (T item in queue)
            items.Add(Outcome.Show(item));
        return string.Join(",", items);
    }
}
