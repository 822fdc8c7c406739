using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    // Walking, growing and cutting the chains the FAT links. Every step is checked: a link to 0, 1 or
    // past the last cluster is ClusterOutOfRange, a chain that comes back on itself is ChainLoop
    // (found by Brent's cycle search in one pass, O(1) memory), so no walk on a hostile image is endless.
    internal static class ClusterChain
    {
        // The cluster after `cluster`, or 0 at the end of the chain.
        // Lab 7 (docs/labs/07-filesystem.md): every walk of a chain goes through here.
        public static uint Next(FatTable fat, uint cluster)
        {
            // LAB 7 BEGIN: one step of a cluster chain: the FAT entry of `cluster`, checked
            uint value = fat.Get(cluster);
            if (fat.IsEnd(value))
                return 0;
            if (value < 2 || value > fat.ClusterCount + 1)
                throw FatFault.Corrupt(FsMountError.ClusterOutOfRange);
            return value;
            // LAB 7 STARTER
            // return 0;       // every chain ends after its first cluster
            // LAB 7 END
        }

        public static void CheckStart(FatTable fat, uint first)
        {
            if (first < 2 || first > fat.ClusterCount + 1)
                throw FatFault.Corrupt(FsMountError.ClusterOutOfRange);
        }

        // Clusters in the chain from `first` (0: an empty chain), the whole chain checked.
        public static long Length(FatTable fat, uint first)
        {
            if (first == 0)
                return 0;
            CheckStart(fat, first);
            uint tortoise = first, hare = first;
            long power = 1, lambda = 1, length = 1;
            while (true)
            {
                hare = Next(fat, hare);
                if (hare == 0)
                    return length;
                length++;
                if (hare == tortoise)
                    throw FatFault.Corrupt(FsMountError.ChainLoop);
                if (power == lambda)
                {
                    tortoise = hare;
                    power *= 2;
                    lambda = 0;
                }
                lambda++;
            }
        }

        // The last cluster of a checked chain.
        public static uint Last(FatTable fat, uint first)
        {
            uint c = first;
            for (uint n; (n = Next(fat, c)) != 0; c = n) { }
            return c;
        }

        // Links `count` new clusters (zeroed by the caller if it needs zeros) after `last` (0: a new
        // chain) and returns the first new one, or 0 when the disk has not that many free: then
        // nothing is changed.
        public static uint Extend(FatTable fat, uint last, int count)
        {
            var found = new uint[count];
            if (!fat.FindFree(count, found))
                return 0;
            for (int i = 0; i < count; i++)
                fat.Set(found[i], i + 1 < count ? found[i + 1] : FatTable.EndOfChain);
            if (last != 0)
            {
                fat.WriteBackBefore(found, last);
                fat.Set(last, found[0]);
            }
            return found[0];
        }

        // Frees the chain from `first` on (a checked chain).
        public static void Free(FatTable fat, uint first)
        {
            uint c = first;
            while (c != 0)
            {
                uint n = Next(fat, c);
                fat.Set(c, FatTable.Free);
                c = n;
            }
        }

        // Keeps the first `keep` (>= 1) clusters of a checked chain and returns the rest (0: none),
        // now a chain of its own for the caller to free (FatVolume frees it after the entry is written).
        public static uint Cut(FatTable fat, uint first, long keep)
        {
            uint c = first;
            for (long i = 1; i < keep; i++)
                c = Next(fat, c);
            uint rest = Next(fat, c);
            fat.Set(c, FatTable.EndOfChain);
            return rest;
        }
    }
}
