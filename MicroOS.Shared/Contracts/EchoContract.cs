namespace MicroOS.Shared.Contracts
{
    // The test echo server's messages (probe `ipc pong`), used by its clients and the benchmark.
    //   Ping(n)            -> reply Pong: w0 = n + 1, w1 = the caller's badge, w2 = calls served so far
    //   Exit               -> the server exits without replying (its callers get ObjectGone)
    //   SlowPing(n)        -> Pong as for Ping, after 300 ms
    //   Grant(cap)         -> the server calls through the capability that came with the message
    //                         (w0 = its label) and replies with that call's w0 (or the error)
    //   Share(frame cap)   -> the server maps the frame read-only and replies with its first word
    //   EchoPayload(bytes) -> reply Pong with as many bytes, each one more: w0 = FNV-1a hash of the
    //                         bytes received, w1 = the caller's badge, w2 = their count (sent with
    //                         endpoint_send, the hash is kept all the same)
    //   PayloadHashes      -> reply Pong: w0, w1 = the hashes of the last two EchoPayload messages
    public static class EchoContract
    {
        public const uint Ping = 1;
        public const uint Pong = 2;
        public const uint Exit = 3;
        public const uint UseGrantedCap = 4;
        public const uint ReadSharedFrame = 5;
        public const uint SlowPing = 6;             // Ping, answered after 300 ms
        public const uint EchoPayload = 7;
        public const uint PayloadHashes = 8;
        public const uint Error = 0xEEEE;

        public const int ReceiveSlot = 20;          // where the server takes capabilities
        public const ulong SharedMapAddress = 0x0000_0031_0000_0000;

        // FNV-1a over `length` bytes: what EchoPayload's w0 reports.
        public static unsafe ulong Hash(byte* bytes, int length)
        {
            ulong h = 0xCBF29CE484222325;
            for (int i = 0; i < length; i++)
                h = (h ^ bytes[i]) * 0x100000001B3;
            return h;
        }
    }

    // The serial test driver (probe `ipc serial-driver`): one request.
    //   Count -> w0 = bytes received so far, w1 = interrupts handled
    public static class SerialContract
    {
        public const uint Count = 1;
    }
}
