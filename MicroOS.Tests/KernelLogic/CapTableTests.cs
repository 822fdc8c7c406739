using MicroOS.Kernel.Objects;
using MicroOS.Shared.Abi;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The capability table and derivation tree (MicroOS.Kernel/Objects/CapTable.cs), as the kernel compiles it.
public sealed class CapTableTests
{
    private static readonly object Endpoint = new();

    private static (CapTable a, CapTable b, CapTable c) ThreeProcesses() => (new CapTable(16), new CapTable(16), new CapTable(16));

    private static CapSlot Original(CapTable t, int slot, CapRights rights = CapRights.All)
    {
        CapSlot s = t.At((ulong)slot);
        t.InsertOriginal(s, CapType.Endpoint, rights, 0, Endpoint, 7);
        return s;
    }

    [Fact]
    public void MintNeverWidensRights()
    {
        var t = new CapTable(16);
        CapSlot readOnly = Original(t, 1, CapRights.Read);
        Assert.Null(CapTable.Mint(readOnly, t.At(2), CapRights.All, 0));
        Assert.Equal(CapRights.Read, t.Lookup(2).Rights);
        // Every combination: the result is the intersection.
        for (int parent = 0; parent < 16; parent++)
            for (int asked = 0; asked < 256; asked++)
            {
                CapRights derived = CapRightsAlgebra.Derive((CapRights)parent, (CapRights)asked);
                Assert.Equal((CapRights)parent & (CapRights)asked & CapRights.All, derived);
                Assert.True(CapRightsAlgebra.Has((CapRights)parent, derived));
            }
    }

    [Fact]
    public void MintSetsABadgeOnlyOnAnUnbadgedEndpointOrNotification()
    {
        var t = new CapTable(16);
        CapSlot ep = Original(t, 1);
        Assert.Null(CapTable.Mint(ep, t.At(2), CapRights.Write, 42));
        Assert.Equal(42UL, t.Lookup(2).Badge);
        Assert.Equal(SyscallError.InvalidArgument, CapTable.Mint(t.Lookup(2), t.At(3), CapRights.Write, 43));
        Assert.Null(CapTable.Mint(t.Lookup(2), t.At(3), CapRights.Write, 0));
        Assert.Equal(42UL, t.Lookup(3).Badge);     // a badge is inherited, never replaced
        CapSlot frame = t.At(4);
        t.InsertOriginal(frame, CapType.Frame, CapRights.All, 0, new object(), 1);
        Assert.Equal(SyscallError.InvalidArgument, CapTable.Mint(frame, t.At(5), CapRights.Read, 9));
        Assert.True(t.At(5).IsEmpty);
    }

    [Fact]
    public void RevokeReachesGrandchildrenHeldByOtherProcesses()
    {
        var (a, b, c) = ThreeProcesses();
        CapSlot root = Original(a, 1);
        CapTable.Copy(root, b.At(3));                                   // child in b
        Assert.Null(CapTable.Mint(b.Lookup(3), c.At(5), CapRights.Write, 0));   // grandchild in c
        CapTable.Copy(c.Lookup(5), c.At(6));                            // great-grandchild in c
        CapTable.Copy(root, a.At(2));                                   // sibling of b's, in a
        Assert.Equal(4, CapTable.Revoke(root));
        Assert.Null(b.Lookup(3));
        Assert.Null(c.Lookup(5));
        Assert.Null(c.Lookup(6));
        Assert.Null(a.Lookup(2));
        Assert.NotNull(a.Lookup(1));                                    // revoke keeps the cap itself
        Assert.Equal(1, a.Count);
        Assert.Equal(0, b.Count);
        Assert.Equal(0, c.Count);
        Assert.Null(root.FirstChild);
    }

    [Fact]
    public void DeleteLeavesSiblingsIntactAndHandsChildrenToItsParent()
    {
        var (a, b, _) = ThreeProcesses();
        CapSlot root = Original(a, 1);
        CapTable.Copy(root, a.At(2));
        CapTable.Copy(root, b.At(2));
        CapTable.Copy(root, b.At(3));
        CapTable.Copy(b.Lookup(2), b.At(4));        // child of the one we delete
        CapTable.Delete(b.Lookup(2));
        Assert.Null(b.Lookup(2));
        Assert.NotNull(a.Lookup(2));
        Assert.NotNull(b.Lookup(3));
        Assert.NotNull(b.Lookup(4));
        Assert.Same(root, b.Lookup(4).Parent);      // moved up: a revoke of the root still reaches it
        Assert.Equal(3, CapTable.Revoke(root));
        Assert.Null(b.Lookup(4));
    }

    [Fact]
    public void MoveKeepsThePlaceInTheTree()
    {
        var (a, b, _) = ThreeProcesses();
        CapSlot root = Original(a, 1);
        CapTable.Copy(root, a.At(2));
        CapTable.Copy(a.Lookup(2), a.At(3));
        CapTable.Move(a.Lookup(2), b.At(9));
        Assert.Null(a.Lookup(2));
        Assert.Same(root, b.Lookup(9).Parent);
        Assert.Same(b.Lookup(9), a.Lookup(3).Parent);
        Assert.Equal(2, CapTable.Revoke(root));
        Assert.Null(b.Lookup(9));
        Assert.Null(a.Lookup(3));
    }

    [Fact]
    public void ASlotNumberMeansNothingOutsideItsTable()
    {
        var (a, b, _) = ThreeProcesses();
        Original(a, 4);
        Assert.NotNull(a.Lookup(4));
        Assert.Null(b.Lookup(4));
        Assert.Null(a.Lookup(16));
        Assert.Null(a.Lookup(ulong.MaxValue));
        Assert.Equal(SyscallError.InvalidCapability, a.Destination(1000, out _));
        Assert.Equal(SyscallError.SlotOccupied, a.Destination(4, out _));
        Assert.Null(a.Destination(5, out CapSlot free));
        Assert.True(free.IsEmpty);
    }

    [Fact]
    public void DeleteAllEmptiesATableAndLeavesOtherTablesConsistent()
    {
        var (a, b, _) = ThreeProcesses();
        CapSlot root = Original(b, 1);
        CapTable.Copy(root, a.At(1));
        CapTable.Copy(a.Lookup(1), b.At(2));
        a.DeleteAll();
        Assert.Equal(0, a.Count);
        Assert.Same(root, b.Lookup(2).Parent);
        Assert.Equal(1, CapTable.Revoke(root));
    }

    [Fact]
    public void RandomOperationsKeepTheTreeAndCountsConsistent()
    {
        var random = new Random(7);
        CapTable[] tables = { new(24), new(24), new(24) };
        for (int step = 0; step < 20000; step++)
        {
            CapTable t = tables[random.Next(3)];
            CapSlot s = t.At((ulong)random.Next(24));
            CapSlot d = tables[random.Next(3)].At((ulong)random.Next(24));
            switch (random.Next(6))
            {
                case 0: if (s.IsEmpty) t.InsertOriginal(s, CapType.Endpoint, (CapRights)random.Next(16), 0, Endpoint, 1); break;
                case 1: if (!s.IsEmpty && d.IsEmpty) CapTable.Copy(s, d); break;
                case 2: if (!s.IsEmpty && d.IsEmpty) CapTable.Mint(s, d, (CapRights)random.Next(16), 0); break;
                case 3: if (!s.IsEmpty && d.IsEmpty && s != d) CapTable.Move(s, d); break;
                case 4: if (!s.IsEmpty) CapTable.Delete(s); break;
                case 5: if (!s.IsEmpty) CapTable.Revoke(s); break;
            }
        }
        foreach (CapTable t in tables)
        {
            int count = 0;
            for (int i = 0; i < 24; i++)
            {
                CapSlot s = t.At((ulong)i);
                if (s.IsEmpty)
                {
                    Assert.Null(s.Parent);
                    Assert.Null(s.FirstChild);
                    continue;
                }
                count++;
                if (s.Parent != null)
                {
                    Assert.False(s.Parent.IsEmpty);
                    Assert.True(CapRightsAlgebra.Has(s.Parent.Rights, s.Rights), "a child has a right its parent lacks");
                    bool listed = false;
                    for (CapSlot c = s.Parent.FirstChild; c != null; c = c.NextSibling)
                        listed |= c == s;
                    Assert.True(listed, "a child missing from its parent's list");
                }
                for (CapSlot c = s.FirstChild; c != null; c = c.NextSibling)
                    Assert.Same(s, c.Parent);
            }
            Assert.Equal(count, t.Count);
        }
    }
    // A lent capability returns to its lender's slot only while the lender's table still belongs to the
    // same lender: the kernel recycles tables, and a table that passed to a new process must not
    // receive the loans of the one before (issue 14). Identity is the owner's id, not the table object.
    [Fact]
    public void ALoanReturnsOnlyToTheSameLenderNeverToTheNextOwnerOfItsTable()
    {
        var (lender, borrower, _) = ThreeProcesses();
        lender.OwnerId = 5;
        borrower.OwnerId = 6;
        CapSlot lent = Original(lender, 2);
        CapSlot destination = borrower.At(3);
        CapTable.Move(lent, destination);
        destination.ReturnTo = lender.At(2);
        destination.LenderId = lender.OwnerId;

        // The same lender: the cap comes back.
        borrower.ReturnLent();
        Assert.NotNull(lender.Lookup(2));
        Assert.Null(borrower.Lookup(3));

        // Lent again; the lender ends and its table goes to a new process (a new id) before the
        // borrower ends: the loan stays with the borrower, whose end deletes it.
        CapTable.Move(lender.At(2), destination);
        destination.ReturnTo = lender.At(2);
        destination.LenderId = 5;
        lender.OwnerId = 0;                 // ended: the table is free
        borrower.ReturnLent();
        Assert.Null(lender.Lookup(2));
        lender.OwnerId = 9;                 // recycled for another process
        borrower.ReturnLent();
        Assert.Null(lender.Lookup(2));
        Assert.NotNull(borrower.Lookup(3));
        borrower.DeleteAll();
        Assert.Null(borrower.Lookup(3));
        Assert.Equal(0, lender.Count);
    }

    // A borrower that moves a lent capability to another slot of its table still gives it back when
    // it ends; back home it is no longer on loan (issue 17: DestroyTests' borrower lost the loan).
    [Fact]
    public void ALentCapabilityMovedByItsBorrowerStillComesBack()
    {
        var (lender, borrower, _) = ThreeProcesses();
        lender.OwnerId = 5;
        borrower.OwnerId = 6;
        CapSlot lent = Original(lender, 2);
        CapSlot destination = borrower.At(3);
        CapTable.Move(lent, destination);
        destination.ReturnTo = lender.At(2);
        destination.LenderId = lender.OwnerId;

        CapTable.Move(destination, borrower.At(7));
        Assert.Null(borrower.At(3).ReturnTo);
        Assert.Same(lender.At(2), borrower.At(7).ReturnTo);
        borrower.ReturnLent();
        Assert.NotNull(lender.Lookup(2));
        Assert.Null(borrower.Lookup(7));
        Assert.Null(lender.At(2).ReturnTo);
        Assert.Equal(0UL, lender.At(2).LenderId);
    }
}
