using MicroOS.Shared.Abi;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Probe
{
    // `lab3 owner` and `lab3 peer` (lab 3, docs/labs/03-capabilities.md; [lab-3] in test-manifest.txt):
    // the owner makes a Frame (a page with a secret) and an endpoint of its own, hands the peer a
    // read-only copy of the frame and a badged send-only copy of the endpoint (Grant: a capability
    // carried by a message on `lab3`), answers one call on its endpoint, then revokes both copies. The
    // peer is the grader's attacker: it tries what each copy must not allow, before and after the
    // revoke, and reports one line per attempt ("cap-peer: WHAT -> RESULT", then "cap-peer: done").
    // The owner's mint, grant and revoke are the student's (LAB 3 regions).
    internal static unsafe class CapabilityLab
    {
        public const ulong Secret = 0x5EC12E7_0000_0042, Badge = 42;
        private const uint FrameLabel = 1, EndpointLabel = 2, RevokedLabel = 3, ReadLabel = 4;
        private static readonly ulong OwnerMap = FrameCap.WindowBase, PeerMap = FrameCap.WindowBase + 0x10000;

        public static int Run(string[] args) => args.Length > 1 && args[1] == "owner" ? Owner() : Peer();

        private static int Owner()
        {
            Server.Begin("cap-owner");
            Endpoint lab = Caps.Endpoint("lab3");
            int frame = Caps.NewSlot(), service = Caps.NewSlot();
            long made = Caps.CreateFrame(frame, 1), created = Caps.CreateEndpoint(service);
            long mapped = made == 0 ? new FrameCap(frame).Map(OwnerMap, writable: true) : made;
            if (made != 0 || created != 0 || mapped != 0)
            {
                Say(string.Concat("setup failed: frame ", made.ToString(), ", endpoint ", created.ToString(), ", map ", mapped.ToString()));
                return 1;
            }
            *(ulong*)OwnerMap = Secret;

            // LAB 3 BEGIN: mint a read-only copy of the frame and a send-only copy of the endpoint badged 42, and grant both to the peer
            int readOnly = Caps.NewSlot(), badged = Caps.NewSlot();
            long minted = Caps.Mint(frame, readOnly, CapRights.Read);
            long badgedMinted = Caps.Mint(service, badged, CapRights.Write, Badge);
            Say(string.Concat("minted ", minted.ToString(), ", ", badgedMinted.ToString()));
            Grant(lab, FrameLabel, readOnly);
            Grant(lab, EndpointLabel, badged);
            // LAB 3 STARTER
            // Grant(lab, FrameLabel, frame);          // the originals: every right, no badge
            // Grant(lab, EndpointLabel, service);
            // LAB 3 END

            // One call from the peer: answered with the badge the kernel delivered with it.
            var m = default(Message);
            long received = new Endpoint(service).Receive(out m);
            Say(string.Concat("call received ", received.ToString(), ", badge ", m.Badge.ToString()));
            var reply = new Message(ReadLabel, m.Badge, *(ulong*)OwnerMap);
            Ipc.Reply(ref reply);

            // LAB 3 BEGIN: take back every copy handed out (the owner keeps its own)
            long frameRevoked = Caps.Revoke(frame);
            long serviceRevoked = Caps.Revoke(service);
            Say(string.Concat("revoked ", frameRevoked.ToString(), ", ", serviceRevoked.ToString()));
            // LAB 3 STARTER
            // LAB 3 END
            var done = new Message(RevokedLabel);
            lab.Send(ref done);
            // The owner's own capabilities still work.
            Say(string.Concat("own frame reads ", (*(ulong*)OwnerMap == Secret ? "the secret" : "something else"), "; done"));
            return 0;
        }

        // A message on `lab` carrying the capability in `slot` (the endpoint cap needs Grant).
        private static void Grant(Endpoint lab, uint label, int slot)
        {
            var m = new Message(label) { Tag = MessageTag.WithCap(label, slot) };
            long sent = lab.Send(ref m);
            Say(string.Concat("granted slot ", slot.ToString(), " -> ", sent.ToString()));
        }

        private static int Peer()
        {
            Server.Begin("cap-peer");
            Endpoint lab = Caps.Endpoint("lab3");
            int frame = Take(lab, FrameLabel);
            Report("frame arrived", frame > 0 ? "yes" : "no");
            int service = Take(lab, EndpointLabel);
            Report("endpoint arrived", service > 0 ? "yes" : "no");
            if (frame <= 0 || service <= 0)
            {
                Sys.Write("cap-peer: done");
                return 1;
            }
            var copy = new FrameCap(frame);
            long writable = copy.Map(PeerMap, writable: true);
            Report("map writable", writable.ToString());
            if (writable == 0)
                FrameCap.Unmap(PeerMap);
            long readable = copy.Map(PeerMap, writable: false);
            Report("map read-only", readable.ToString());
            Report("secret", readable == 0 ? (*(ulong*)PeerMap == Secret ? "read" : "wrong") : "-");
            if (readable == 0)
                FrameCap.Unmap(PeerMap);     // before the revoke: the mapping would end with the cap

            var endpoint = new Endpoint(service);
            Report("receive on the copy", endpoint.TryReceive(out Message _).ToString());
            var call = new Message(ReadLabel);
            long called = endpoint.Call(ref call);
            Report("call", called.ToString());
            Report("badge seen by the owner", called == 0 ? call.W0.ToString() : "-");

            Take(lab, RevokedLabel);
            Report("map after revoke", copy.Map(PeerMap, writable: false).ToString());
            // Not a call: with the copy still there nobody would answer it (the owner is done).
            var again = new Message(ReadLabel);
            Report("send after revoke", endpoint.TrySend(ref again).ToString());
            Sys.Write("cap-peer: done");
            return 0;
        }

        // The next message on `lab` with that label (waiting at most ~5 s), and the capability it
        // carried moved to a slot of its own (0: none came).
        private static int Take(Endpoint lab, uint label)
        {
            for (int i = 0; i < 500; i++)
            {
                if (lab.TryReceive(out Message m) == 0)
                {
                    if (m.Label != label)
                        continue;
                    return m.Tag.CapCount == 1 ? IpcBuffer.TakeReceived() : -1;
                }
                Sys.Sleep(10);
            }
            return 0;
        }

        private static void Say(string text) => Sys.Write(string.Concat("cap-owner: ", text));

        private static void Report(string what, string result) => Sys.Write(string.Concat("cap-peer: ", what, " -> ", result));
    }
}
