extern alias mos;
using Xunit;
using Mos = mos::System.Collections.Generic;

namespace MicroOS.Tests.Host.Collections;

// MicroOS.Runtime's Dictionary<TKey, TValue> against the BCL's. Besides results, the enumeration
// order is compared after every step: for both it is insertion order, with a removed entry's slot
// reused by the next insertion (last freed, first reused).
public sealed class DictionaryDifferentialTests
{
    private const int Steps = 4000;
    private const int PhaseLength = 500;

    private enum Op { Add, TryAdd, Set, Get, Remove, RemoveWithValue, TryGetValue, ContainsKey, ContainsValue, Clear, Enumerate }

    private static readonly WeightedChoice<Op> Growing = new(
        (Op.Add, 25), (Op.TryAdd, 10), (Op.Set, 15), (Op.Get, 10), (Op.Remove, 8), (Op.RemoveWithValue, 4),
        (Op.TryGetValue, 8), (Op.ContainsKey, 8), (Op.ContainsValue, 3), (Op.Clear, 1), (Op.Enumerate, 8));

    private static readonly WeightedChoice<Op> Shrinking = new(
        (Op.Add, 8), (Op.TryAdd, 4), (Op.Set, 6), (Op.Get, 10), (Op.Remove, 25), (Op.RemoveWithValue, 12),
        (Op.TryGetValue, 10), (Op.ContainsKey, 10), (Op.ContainsValue, 3), (Op.Clear, 1), (Op.Enumerate, 11));

    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 64)]
    [InlineData(3, 400)]
    public void RandomOperationsOnIntKeysMatchTheBcl(int seed, int keyRange) =>
        RunRandomOperations(seed, random => random.Next(keyRange));

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void RandomOperationsOnStringKeysWithNullsMatchTheBcl(int seed) =>
        RunRandomOperations(seed, random => random.Next(50) == 0 ? null! : "k" + random.Next(100));

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void RandomOperationsOnCollidingKeysMatchTheBcl(int seed) =>
        RunRandomOperations(seed, random => new CollidingKey(random.Next(80)));

    [Fact]
    public void BadInputsThrowTheSameExceptionsAsTheBcl()
    {
        var ours = new Mos.Dictionary<string, int>();
        var bcl = new Dictionary<string, int>();
        ours.Add("a", 1);
        bcl.Add("a", 1);

        Expect.SameException<ArgumentException>("Add(duplicate key)", () => ours.Add("a", 2), () => bcl.Add("a", 2));
        Expect.SameException<KeyNotFoundException>("this[missing key]", () => ours["b"], () => bcl["b"]);
        Expect.SameException<ArgumentNullException>("Add(null)", () => ours.Add(null!, 0), () => bcl.Add(null!, 0));
        Expect.SameException<ArgumentNullException>("this[null]", () => ours[null!], () => bcl[null!]);
        Expect.SameException<ArgumentNullException>("this[null] = 0", () => ours[null!] = 0, () => bcl[null!] = 0);
        Expect.SameException<ArgumentNullException>("ContainsKey(null)", () => ours.ContainsKey(null!), () => bcl.ContainsKey(null!));
        Expect.SameException<ArgumentNullException>("Remove(null)", () => ours.Remove(null!), () => bcl.Remove(null!));
        Expect.SameException<ArgumentOutOfRangeException>("new Dictionary(-1)", () => new Mos.Dictionary<int, int>(-1), () => new Dictionary<int, int>(-1));
        Expect.SameException<InvalidOperationException>("Add during foreach", () =>
        {
            foreach (var pair in ours)
                ours.Add(pair.Key + "+", pair.Value);
        }, () =>
        {
            foreach (var pair in bcl)
                bcl.Add(pair.Key + "+", pair.Value);
        });
        // The failed Add must not have changed either dictionary (beyond the one added key).
        Assert.Equal(bcl.Count, ours.Count);
    }

    private static void RunRandomOperations<TKey>(int seed, Func<Random, TKey> nextKey) where TKey : notnull
    {
        var random = new Random(seed);
        var run = new DifferentialRun($"Dictionary<{typeof(TKey).Name}, int>", seed);
        var ours = new Mos.Dictionary<TKey, int>();
        var bcl = new Dictionary<TKey, int>();

        for (int step = 0; step < Steps; step++)
        {
            Op op = (step / PhaseLength % 2 == 0 ? Growing : Shrinking).Next(random);
            TKey key = nextKey(random);
            int value = random.Next(1000);
            string k = Outcome.Show(key);
            switch (op)
            {
                case Op.Add:
                    run.Same($"Add({k}, {value})", () => ours.Add(key, value), () => bcl.Add(key, value));
                    break;
                case Op.TryAdd:
                    run.Same($"TryAdd({k}, {value})", () => ours.TryAdd(key, value), () => bcl.TryAdd(key, value));
                    break;
                case Op.Set:
                    run.Same($"this[{k}] = {value}", () => ours[key] = value, () => bcl[key] = value);
                    break;
                case Op.Get:
                    run.Same($"this[{k}]", () => ours[key], () => bcl[key]);
                    break;
                case Op.Remove:
                    run.Same($"Remove({k})", () => ours.Remove(key), () => bcl.Remove(key));
                    break;
                case Op.RemoveWithValue:
                    run.Same($"Remove({k}, out value)", () => (ours.Remove(key, out int v), v), () => (bcl.Remove(key, out int v), v));
                    break;
                case Op.TryGetValue:
                    run.Same($"TryGetValue({k})", () => (ours.TryGetValue(key, out int v), v), () => (bcl.TryGetValue(key, out int v), v));
                    break;
                case Op.ContainsKey:
                    run.Same($"ContainsKey({k})", () => ours.ContainsKey(key), () => bcl.ContainsKey(key));
                    break;
                case Op.ContainsValue:
                    run.Same($"ContainsValue({value})", () => ours.ContainsValue(value), () => bcl.ContainsValue(value));
                    break;
                case Op.Clear:
                    run.Same("Clear()", () => ours.Clear(), () => bcl.Clear());
                    break;
                case Op.Enumerate:
                    run.Same("Keys", () => Keys(ours), () => string.Join(",", bcl.Keys.Select(Outcome.Show)));
                    run.Same("Values", () => Values(ours), () => string.Join(",", bcl.Values));
                    break;
            }
            run.SameState("Count", ours.Count.ToString(), bcl.Count.ToString());
            run.SameState("foreach order", Pairs(ours), string.Join(",", bcl.Select(p => $"{Outcome.Show(p.Key)}={p.Value}")));
        }
    }

    private static string Pairs<TKey>(Mos.Dictionary<TKey, int> dictionary)
    {
        var items = new List<string>();
        foreach (var pair in dictionary)
            items.Add($"{Outcome.Show(pair.Key)}={pair.Value}");
        return string.Join(",", items);
    }

    private static string Keys<TKey>(Mos.Dictionary<TKey, int> dictionary)
    {
        var items = new List<string>();
        foreach (TKey key in dictionary.Keys)
            items.Add(Outcome.Show(key));
        return string.Join(",", items);
    }

    private static string Values<TKey>(Mos.Dictionary<TKey, int> dictionary)
    {
        var items = new List<string>();
        foreach (int value in dictionary.Values)
            items.Add(value.ToString());
        return string.Join(",", items);
    }
}
