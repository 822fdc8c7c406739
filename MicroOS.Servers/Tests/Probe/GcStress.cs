using System.Collections.Generic;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // Allocates far more than its memory limit while keeping a changing set of objects alive, and
    // checks the live ones after every round: the collector must free the garbage and nothing else.
    internal static class GcStress
    {
        private sealed class Node
        {
            public readonly int Value;
            public readonly string Text;
            public readonly int[] Data = new int[8];
            public Node Next { get; set; }

            public Node(int value)
            {
                Value = value;
                Text = string.Concat("node-", value.ToString());
                for (int i = 0; i < Data.Length; i++)
                    Data[i] = value * (i + 1);
            }

            public bool Intact => Text == string.Concat("node-", Value.ToString()) && Data[7] == Value * 8 && Data[0] == Value;
        }

        public static int Run(string roundsText)
        {
            int rounds = int.TryParse(roundsText, out int r) && r > 0 ? r : 1500;
            // A long chain alive for the whole run: deep enough to overflow the collector's mark
            // stack, so its recovery path (re-tracing from marked objects) is exercised too.
            const int ChainLength = 1500;
            Node longChain = null;
            for (int i = 0; i < ChainLength; i++)
                longChain = new Node(1_000_000 + i) { Next = longChain };
            var live = new List<Node>();
            var index = new Dictionary<string, int>();
            Node chain = null;
            ulong garbageBytes = 0;
            for (int round = 0; round < rounds; round++)
            {
                for (int g = 0; g < 40; g++)
                {
                    byte[] junk = new byte[256 + g * 8];
                    junk[g] = (byte)round;
                    string text = string.Concat("garbage ", round.ToString(), "/", g.ToString());
                    garbageBytes += (ulong)(junk.Length + text.Length * 2 + 64);
                }
                var node = new Node(round);
                if (live.Count < 400)
                    live.Add(node);
                else
                    live[round % 400] = node;          // the old node becomes garbage
                node.Next = chain;                     // a chain kept alive only through its head
                chain = round % 50 == 49 ? null : node;
                index[string.Concat("key", (round % 300).ToString())] = round;
                if (round % 50 == 0 && !Verify(live, index, round))
                    return 1;
            }
            if (!Verify(live, index, rounds - 1))
                return 1;
            int chainCount = 0;
            for (Node n = longChain; n != null; n = n.Next)
            {
                if (!n.Intact || n.Value != 1_000_000 + ChainLength - 1 - chainCount)
                {
                    Sys.Write(string.Concat("gc: CORRUPTED long chain at node ", chainCount.ToString()));
                    return 1;
                }
                chainCount++;
            }
            if (chainCount != ChainLength)
            {
                Sys.Write(string.Concat("gc: long chain has ", chainCount.ToString(), " nodes, expected ", ChainLength.ToString()));
                return 1;
            }
            Sys.Write(string.Concat("gc: ", (garbageBytes >> 10).ToString(), " KiB of garbage, ",
                Internal.Runtime.Heap.Collections.ToString(), " collections, ",
                (Internal.Runtime.Heap.CollectedBytes >> 10).ToString(), " KiB collected, ",
                Internal.Runtime.Heap.MarkStackOverflows.ToString(), " mark-stack overflows recovered, live data intact"));
            return 0;
        }

        private static bool Verify(List<Node> live, Dictionary<string, int> index, int round)
        {
            foreach (Node n in live)
            {
                if (!n.Intact)
                {
                    Sys.Write(string.Concat("gc: CORRUPTED node ", n.Value.ToString(), " at round ", round.ToString()));
                    return false;
                }
            }
            foreach (KeyValuePair<string, int> pair in index)
            {
                if (pair.Key != string.Concat("key", (pair.Value % 300).ToString()))
                {
                    Sys.Write(string.Concat("gc: CORRUPTED dictionary entry ", pair.Key, " at round ", round.ToString()));
                    return false;
                }
            }
            return true;
        }
    }
}
