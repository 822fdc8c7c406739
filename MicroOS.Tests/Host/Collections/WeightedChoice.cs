namespace MicroOS.Tests.Host.Collections;

// Picks an operation with the given relative weights, so a phase of a random run can favour
// growing or shrinking the collection.
internal sealed class WeightedChoice<T>
{
    private readonly (T Item, int Weight)[] _items;
    private readonly int _total;

    public WeightedChoice(params (T Item, int Weight)[] items)
    {
        _items = items;
        _total = items.Sum(i => i.Weight);
    }

    public T Next(Random random)
    {
        int pick = random.Next(_total);
        foreach (var (item, weight) in _items)
        {
            if (pick < weight)
                return item;
            pick -= weight;
        }
        throw new InvalidOperationException("unreachable: weights sum to _total");
    }
}
