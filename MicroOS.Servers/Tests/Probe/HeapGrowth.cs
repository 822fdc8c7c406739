using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Internal.Runtime;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // The collector's heap follows the live set both ways (docs/architecture.md, "collector"):
    //   1. a steady state of 1,000,000 small allocations (1,000 kept alive in a ring) stays small;
    //   2. a 20 MiB live set of arrays and small objects is built, dropped and collected: the kernel's
    //      count of this process's frames (memory_usage) falls by most of it; then it is built again
    //      in the holes the first one left, and checked, twice.
    // Every figure is printed for the boot test to assert (ProcessLifecycleTests).
    internal static class HeapGrowth
    {
        private const int SteadyAllocations = 1_000_000;
        private const int RingSize = 1_000;
        private const int Arrays = 1_024;             // 1,024 x 16 KiB = 16 MiB
        private const int ArrayBytes = 16 * 1024;
        private const int Nodes = 50_000;             // 80 bytes each (node and array): ~4 MiB

        private sealed class Small
        {
            public long Value;
        }

        private sealed class Node
        {
            public int Value;
            public int[] Data;
            public Node Next;
        }

        private sealed class LiveSet
        {
            public List<byte[]> Arrays;
            public Node Chain;
        }

        private static LiveSet s_live;

        public static int Run()
        {
            if (!SteadyState())
                return 1;
            // Survivors: made before the first live set, so they share its chunks; they must come
            // through both shrinks intact.
            var survivors = new Dictionary<string, int>();      // the instantiation gc-stress uses: no new code in the image
            for (int i = 0; i < 2_000; i++)
                survivors[string.Concat("survivor ", i.ToString())] = i;
            for (int round = 1; round <= 2; round++)
            {
                if (!GrowAndShrink(round))
                    return 1;
                for (int i = 0; i < 2_000; i++)
                {
                    if (!survivors.TryGetValue(string.Concat("survivor ", i.ToString()), out int value) || value != i)
                    {
                        Sys.Write(string.Concat("heap: CORRUPTED survivor ", i.ToString(), " after round ", round.ToString()));
                        return 1;
                    }
                }
            }
            Sys.Write("heap: done, live data intact");
            return 0;
        }

        private static bool SteadyState()
        {
            var ring = new Small[RingSize];
            for (int i = 0; i < SteadyAllocations; i++)
                ring[i % RingSize] = new Small { Value = i };
            for (int i = 0; i < RingSize; i++)
            {
                if (ring[i].Value != SteadyAllocations - RingSize + i)
                {
                    Sys.Write(string.Concat("heap: CORRUPTED ring slot ", i.ToString()));
                    return false;
                }
            }
            Sys.Write(string.Concat("heap: steady ", SteadyAllocations.ToString(), " allocations of 32 bytes, peak heap ",
                (Heap.PeakMappedBytes >> 10).ToString(), " KiB, ", Heap.Collections.ToString(), " collections, ",
                (Heap.ReleasedBytes >> 10).ToString(), " KiB given back"));
            return true;
        }

        private static bool GrowAndShrink(int round)
        {
            long before = Sys.MemoryFrames;
            Build(round);
            Heap.Collect();
            ulong live = Heap.LiveBytes;
            long grown = Sys.MemoryFrames;
            if (!Check(round))
                return false;
            s_live = null;
            Heap.Collect();
            long shrunk = Sys.MemoryFrames;
            Sys.Write(string.Concat("heap: round ", round.ToString(), ": live ", (live >> 10).ToString(), " KiB; frames ",
                before.ToString(), " before, ", grown.ToString(), " grown, ", shrunk.ToString(), " after the drop; heap ",
                (Heap.MappedBytes >> 10).ToString(), " KiB mapped, ", (Heap.ReleasedBytes >> 10).ToString(), " KiB given back so far"));
            return true;
        }

        // Not inlined: the frames that held the new objects' addresses end below the caller's stack
        // pointer, where the conservative scan does not look, so dropping s_live really drops them.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Build(int round)
        {
            var set = new LiveSet { Arrays = new List<byte[]>(Arrays) };
            for (int i = 0; i < Arrays; i++)
            {
                var array = new byte[ArrayBytes];
                for (int j = 0; j < ArrayBytes; j += 512)
                    array[j] = (byte)(i + j / 512 + round);
                set.Arrays.Add(array);
                // Garbage between the live objects: the chunks hold both until the drop.
                _ = new int[(i % 7) * 8];
            }
            for (int i = 0; i < Nodes; i++)
                set.Chain = new Node { Value = i * round, Data = new int[] { i, round, i ^ round, 7 }, Next = set.Chain };
            s_live = set;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static bool Check(int round)
        {
            LiveSet set = s_live;
            for (int i = 0; i < Arrays; i++)
            {
                byte[] array = set.Arrays[i];
                for (int j = 0; j < ArrayBytes; j++)
                {
                    byte expected = j % 512 == 0 ? (byte)(i + j / 512 + round) : (byte)0;
                    if (array[j] != expected)
                    {
                        Sys.Write(string.Concat("heap: CORRUPTED array ", i.ToString(), " at ", j.ToString(), " in round ", round.ToString()));
                        return false;
                    }
                }
            }
            int count = 0;
            for (Node n = set.Chain; n != null; n = n.Next)
            {
                int i = Nodes - 1 - count;
                if (n.Value != i * round || n.Data.Length != 4 || n.Data[0] != i || n.Data[1] != round || n.Data[2] != (i ^ round) || n.Data[3] != 7)
                {
                    Sys.Write(string.Concat("heap: CORRUPTED node ", i.ToString(), " in round ", round.ToString()));
                    return false;
                }
                count++;
            }
            if (count != Nodes)
            {
                Sys.Write(string.Concat("heap: chain has ", count.ToString(), " nodes in round ", round.ToString()));
                return false;
            }
            return true;
        }
    }
}
