namespace MicroOS.Tests.Host.Collections;

// A key whose hash codes collide on purpose (five buckets' worth for any number of keys), so bucket
// chains get long and removals happen in the middle of chains.
internal sealed class CollidingKey
{
    public CollidingKey(int id) => Id = id;

    public int Id { get; }

    public override bool Equals(object? obj) => obj is CollidingKey other && other.Id == Id;

    public override int GetHashCode() => Id % 5;

    public override string ToString() => $"K{Id}";
}
