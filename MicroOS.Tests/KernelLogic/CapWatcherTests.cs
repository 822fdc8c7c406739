using MicroOS.Kernel.Objects;
using MicroOS.Shared.Abi;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// CapSlot.Watcher (io_port_enable's grants hang there) and the sliced revoke
// (MicroOS.Kernel/Objects/CapTable.cs, as the kernel compiles it).
public sealed class CapWatcherTests
{
    private static readonly object Range = new();

    private sealed class Recorder : CapWatcher
    {
        public readonly List<int> Removed = new();
        public override void CapRemoved(CapSlot slot) => Removed.Add(slot.Index);
    }

    private static CapSlot Original(CapTable t, int slot)
    {
        CapSlot s = t.At((ulong)slot);
        t.InsertOriginal(s, CapType.IoPortRange, CapRights.All, 0, Range, 3);
        return s;
    }

    private static Recorder Watch(CapSlot s)
    {
        var r = new Recorder();
        s.Watcher = r;
        return r;
    }

    [Fact]
    public void EveryWayACapLeavesItsSlotTellsTheWatcherOnce()
    {
        var t = new CapTable(16);
        var other = new CapTable(16);
        CapSlot root = Original(t, 1);
        // delete
        CapTable.Copy(root, t.At(2));
        Recorder deleted = Watch(t.At(2));
        CapTable.Delete(t.At(2));
        Assert.Equal(new[] { 2 }, deleted.Removed);
        Assert.Null(t.At(2).Watcher);
        // revoke of an ancestor, in another table, under a deeper child
        CapTable.Copy(root, t.At(3));
        CapTable.Copy(t.At(3), other.At(4));
        Recorder revoked = Watch(other.At(4));
        Recorder untouched = Watch(root);
        Assert.Equal(2, CapTable.Revoke(root));
        Assert.Equal(new[] { 4 }, revoked.Removed);
        Assert.Empty(untouched.Removed);                 // revoke leaves the cap itself
        // move: the slot is left, so the watcher hears of it; the new slot starts unwatched
        CapTable.Copy(root, t.At(5));
        Recorder moved = Watch(t.At(5));
        CapTable.Move(t.At(5), t.At(6));
        Assert.Equal(new[] { 5 }, moved.Removed);
        Assert.Null(t.At(6).Watcher);
        // the table's end
        t.DeleteAll();
        Assert.Equal(new[] { 1 }, untouched.Removed);
    }

    [Fact]
    public void ASlicedRevokeOfADeepAndWideTreeRemovesWhatAWholeOneDoes()
    {
        var tables = new[] { new CapTable(128), new CapTable(128), new CapTable(128), new CapTable(128) };
        CapSlot root = Original(tables[0], 1);
        CapSlot parent = root;
        for (int slot = 2; slot < 128; slot++)          // a chain 126 deep
        {
            CapTable.Copy(parent, tables[0].At((ulong)slot));
            parent = tables[0].At((ulong)slot);
        }
        for (int t = 1; t < 4; t++)                      // 127 children of the deepest link in each other table
            for (int slot = 1; slot < 128; slot++)
                CapTable.Copy(parent, tables[t].At((ulong)slot));
        int total = 0, slices = 0, n;
        while ((n = CapTable.RevokeSome(root, 50)) > 0)
        {
            Assert.True(n <= 50);
            total += n;
            slices++;
        }
        Assert.Equal(126 + 3 * 127, total);
        Assert.Equal((total + 49) / 50, slices);
        Assert.Equal(1, tables[0].Count);
        Assert.All(tables.Skip(1), t => Assert.Equal(0, t.Count));
        Assert.Null(root.FirstChild);
    }
}
