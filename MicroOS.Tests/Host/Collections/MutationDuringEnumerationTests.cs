extern alias mos;
using Xunit;
using Mos = mos::System.Collections.Generic;

namespace MicroOS.Tests.Host.Collections;

// Changing a collection inside its own foreach: whichever changes the BCL rejects (its enumerator
// throws InvalidOperationException) ours must reject too, and whichever it allows ours must allow.
// Kernel code is written against BCL semantics, so a mismatch either way is a bug.
public sealed class MutationDuringEnumerationTests
{
    private static readonly Dictionary<string, (Action<Mos.List<int>> Ours, Action<List<int>> Bcl)> ListMutations = new()
    {
        ["Add"] = (l => l.Add(9), l => l.Add(9)),
        ["Insert(0)"] = (l => l.Insert(0, 9), l => l.Insert(0, 9)),
        ["RemoveAt(0)"] = (l => l.RemoveAt(0), l => l.RemoveAt(0)),
        ["Remove(present)"] = (l => l.Remove(3), l => l.Remove(3)),
        ["Remove(absent)"] = (l => l.Remove(99), l => l.Remove(99)),
        ["this[0] = x"] = (l => l[0] = 9, l => l[0] = 9),
        ["Clear()"] = (l => l.Clear(), l => l.Clear()),
        ["Contains"] = (l => l.Contains(3), l => l.Contains(3)),
    };

    private static readonly Dictionary<string, (Action<Mos.Dictionary<int, int>> Ours, Action<Dictionary<int, int>> Bcl)> DictionaryMutations = new()
    {
        ["Add(new key)"] = (d => d.Add(99, 0), d => d.Add(99, 0)),
        ["this[new key] = x"] = (d => d[99] = 0, d => d[99] = 0),
        ["this[existing key] = x"] = (d => d[3] = 0, d => d[3] = 0),
        ["TryAdd(existing key)"] = (d => d.TryAdd(3, 0), d => d.TryAdd(3, 0)),
        ["Remove(existing key)"] = (d => d.Remove(3), d => d.Remove(3)),
        ["Remove(absent key)"] = (d => d.Remove(99), d => d.Remove(99)),
        ["Clear()"] = (d => d.Clear(), d => d.Clear()),
    };

    private static readonly Dictionary<string, (Action<Mos.Queue<int>> Ours, Action<Queue<int>> Bcl)> QueueMutations = new()
    {
        ["Enqueue"] = (q => q.Enqueue(9), q => q.Enqueue(9)),
        ["Dequeue"] = (q => q.Dequeue(), q => q.Dequeue()),
        ["Clear()"] = (q => q.Clear(), q => q.Clear()),
        ["Peek"] = (q => q.Peek(), q => q.Peek()),
    };

    public static TheoryData<string> ListCases => new(ListMutations.Keys);
    public static TheoryData<string> DictionaryCases => new(DictionaryMutations.Keys);
    public static TheoryData<string> QueueCases => new(QueueMutations.Keys);

    [Theory]
    [MemberData(nameof(ListCases))]
    public void ListAgreesWithTheBcl(string mutation)
    {
        var (mutateOurs, mutateBcl) = ListMutations[mutation];
        var ours = new Mos.List<int>();
        var bcl = new List<int>();
        for (int i = 1; i <= 5; i++)
        {
            ours.Add(i);
            bcl.Add(i);
        }

        Outcome a = Outcome.Of(() => { foreach (int x in ours) if (x == 1) mutateOurs(ours); });
        Outcome b = Outcome.Of(() => { foreach (int x in bcl) if (x == 1) mutateBcl(bcl); });

        AssertAgree("List", mutation, a, b);
    }

    [Theory]
    [MemberData(nameof(DictionaryCases))]
    public void DictionaryAgreesWithTheBcl(string mutation)
    {
        var (mutateOurs, mutateBcl) = DictionaryMutations[mutation];
        var ours = new Mos.Dictionary<int, int>();
        var bcl = new Dictionary<int, int>();
        for (int i = 1; i <= 5; i++)
        {
            ours.Add(i, i);
            bcl.Add(i, i);
        }

        Outcome a = Outcome.Of(() => { foreach (var p in ours) if (p.Key == 1) mutateOurs(ours); });
        Outcome b = Outcome.Of(() => { foreach (var p in bcl) if (p.Key == 1) mutateBcl(bcl); });

        AssertAgree("Dictionary", mutation, a, b);
    }

    [Theory]
    [MemberData(nameof(QueueCases))]
    public void QueueAgreesWithTheBcl(string mutation)
    {
        var (mutateOurs, mutateBcl) = QueueMutations[mutation];
        var ours = new Mos.Queue<int>();
        var bcl = new Queue<int>();
        for (int i = 1; i <= 5; i++)
        {
            ours.Enqueue(i);
            bcl.Enqueue(i);
        }

        Outcome a = Outcome.Of(() => { foreach (int x in ours) if (x == 1) mutateOurs(ours); });
        Outcome b = Outcome.Of(() => { foreach (int x in bcl) if (x == 1) mutateBcl(bcl); });

        AssertAgree("Queue", mutation, a, b);
    }

    private static void AssertAgree(string collection, string mutation, Outcome ours, Outcome bcl)
    {
        // The only exception a foreach with a valid mutation may raise is the enumerator's.
        Assert.True(bcl.Exception == null || bcl.Exception == typeof(InvalidOperationException), $"BCL {bcl}");
        Assert.True(ours == bcl,
            $"{mutation} inside foreach over our {collection}: ours {Describe(ours)}, the BCL's {Describe(bcl)}");
    }

    private static string Describe(Outcome outcome) =>
        outcome.Exception == null ? "lets the enumeration finish" : $"throws {outcome.Exception.Name}";
}
