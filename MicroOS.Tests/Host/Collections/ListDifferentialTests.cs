extern alias mos;
using Xunit;
using Mos = mos::System.Collections.Generic;

namespace MicroOS.Tests.Host.Collections;

// MicroOS.Runtime's List<T> against the BCL's: the same seeded random operations on both, compared
// after every step.
public sealed class ListDifferentialTests
{
    private const int Steps = 4000;
    private const int PhaseLength = 500;

    private enum Op { Add, Insert, Remove, RemoveAt, IndexOf, Contains, Get, Set, Clear, Enumerate }

    // Growth phases take the list through several capacities; shrink phases empty it again.
    private static readonly WeightedChoice<Op> Growing = new(
        (Op.Add, 30), (Op.Insert, 15), (Op.Remove, 8), (Op.RemoveAt, 7), (Op.IndexOf, 8),
        (Op.Contains, 7), (Op.Get, 8), (Op.Set, 8), (Op.Clear, 1), (Op.Enumerate, 8));

    private static readonly WeightedChoice<Op> Shrinking = new(
        (Op.Add, 10), (Op.Insert, 5), (Op.Remove, 20), (Op.RemoveAt, 20), (Op.IndexOf, 8),
        (Op.Contains, 7), (Op.Get, 10), (Op.Set, 10), (Op.Clear, 1), (Op.Enumerate, 9));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomOperationsOnIntsMatchTheBcl(int seed) =>
        RunRandomOperations(seed, random => random.Next(0, 32));

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void RandomOperationsOnStringsWithNullsMatchTheBcl(int seed) =>
        RunRandomOperations(seed, random => random.Next(8) == 0 ? null : "s" + random.Next(0, 32));

    [Fact]
    public void BadInputsThrowTheSameExceptionsAsTheBcl()
    {
        var ours = new Mos.List<int>();
        var bcl = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            ours.Add(i);
            bcl.Add(i);
        }

        Expect.SameException<ArgumentOutOfRangeException>("this[Count]", () => ours[3], () => bcl[3]);
        Expect.SameException<ArgumentOutOfRangeException>("this[-1]", () => ours[-1], () => bcl[-1]);
        Expect.SameException<ArgumentOutOfRangeException>("this[Count] = 0", () => ours[3] = 0, () => bcl[3] = 0);
        Expect.SameException<ArgumentOutOfRangeException>("Insert(Count + 1)", () => ours.Insert(4, 0), () => bcl.Insert(4, 0));
        Expect.SameException<ArgumentOutOfRangeException>("Insert(-1)", () => ours.Insert(-1, 0), () => bcl.Insert(-1, 0));
        Expect.SameException<ArgumentOutOfRangeException>("RemoveAt(Count)", () => ours.RemoveAt(3), () => bcl.RemoveAt(3));
        Expect.SameException<ArgumentOutOfRangeException>("new List(-1)", () => new Mos.List<int>(-1), () => new List<int>(-1));
        Expect.SameException<InvalidOperationException>("Add during foreach", () =>
        {
            foreach (int x in ours)
                ours.Add(x);
        }, () =>
        {
            foreach (int x in bcl)
                bcl.Add(x);
        });
    }

    private static void RunRandomOperations<T>(int seed, Func<Random, T> nextValue)
    {
        var random = new Random(seed);
        var run = new DifferentialRun($"List<{typeof(T).Name}>", seed);
        var ours = new Mos.List<T>();
        var bcl = new List<T>();

        for (int step = 0; step < Steps; step++)
        {
            Op op = (step / PhaseLength % 2 == 0 ? Growing : Shrinking).Next(random);
            T value = nextValue(random);
            // One past either end now and then, to compare the range checks too.
            int index = random.Next(-1, bcl.Count + 2);
            string v = Outcome.Show(value);
            switch (op)
            {
                case Op.Add:
                    run.Same($"Add({v})", () => ours.Add(value), () => bcl.Add(value));
                    break;
                case Op.Insert:
                    run.Same($"Insert({index}, {v})", () => ours.Insert(index, value), () => bcl.Insert(index, value));
                    break;
                case Op.Remove:
                    run.Same($"Remove({v})", () => ours.Remove(value), () => bcl.Remove(value));
                    break;
                case Op.RemoveAt:
                    run.Same($"RemoveAt({index})", () => ours.RemoveAt(index), () => bcl.RemoveAt(index));
                    break;
                case Op.IndexOf:
                    run.Same($"IndexOf({v})", () => ours.IndexOf(value), () => bcl.IndexOf(value));
                    break;
                case Op.Contains:
                    run.Same($"Contains({v})", () => ours.Contains(value), () => bcl.Contains(value));
                    break;
                case Op.Get:
                    run.Same($"this[{index}]", () => ours[index], () => bcl[index]);
                    break;
                case Op.Set:
                    run.Same($"this[{index}] = {v}", () => ours[index] = value, () => bcl[index] = value);
                    break;
                case Op.Clear:
                    run.Same("Clear()", () => ours.Clear(), () => bcl.Clear());
                    break;
                case Op.Enumerate:
                    run.Same("foreach", () => Enumerate(ours), () => string.Join(",", bcl.Select(Outcome.Show)));
                    break;
            }
            run.SameState("Count", ours.Count.ToString(), bcl.Count.ToString());
            run.SameState("ToArray()", Show(ours.ToArray()), Show(bcl.ToArray()));
        }
    }

    private static string Enumerate<T>(Mos.List<T> list)
    {
        var items = new List<string>();
        foreach (T item in list)
            items.Add(Outcome.Show(item));
        return string.Join(",", items);
    }

    private static string Show<T>(T[] items) => string.Join(",", items.Select(Outcome.Show));
}
