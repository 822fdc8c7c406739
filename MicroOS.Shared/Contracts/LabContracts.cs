namespace MicroOS.Shared.Contracts
{
    // Lab 5 (docs/labs/05-restart.md): `notes`, a list of short notes in a server's memory, and
    // `keeper`, which keeps one opaque blob per client so that a server's state outlives the server.
    // The keeper tells its clients apart by the badge of the capability they call it with: the
    // supervisor restarts a server from the same manifest line, so the new instance holds the same
    // badge and finds what the old one saved.
    [Contract]
    public partial interface INotes
    {
        long Add(string text);                          // the note's index; BadNote, Full, NotSaved
        long Get(long index, out string text);          // the note's length; NotFound
        long Count();                                   // how many notes
        long Instance();                                // the server's pid: a client sees a restart
    }

    [Contract]
    public partial interface IKeeper
    {
        long Save(System.ReadOnlySpan<byte> state);     // 0; TooLarge (the old state stays)
        long Load(out byte[] state);                    // the state's length (0: nothing saved yet)
    }

    public static class NotesLimits
    {
        public const int MaxNote = 40;                  // characters, at least 1
        public const int MaxNotes = 64;
        public const int MaxState = 3072;               // bytes the keeper keeps per client
    }

    public static class NotesError
    {
        public const long NotFound = -1101;
        public const long BadNote = -1102;
        public const long Full = -1103;
        public const long NotSaved = -1104;             // the keeper refused or is gone: the note is not kept
        public const long TooLarge = -1105;             // the keeper's answer to a state over MaxState
    }

    // Lab 6 (docs/labs/06-ipc-tax.md): `tally` adds up numbers. Add takes one number per message (a
    // round trip through the kernel for every item); AddMany takes a batch, each item 8 bytes
    // little-endian, at most MaxBatch items in one message.
    [Contract]
    public partial interface ITally
    {
        long Add(long item);                            // the count so far
        long AddMany(System.ReadOnlySpan<byte> items);  // how many items it added; BadBatch
        long Count();
        long Sum();
        long Reset();                                   // 0
    }

    public static class TallyLimits
    {
        public const int ItemBytes = 8;
        public const int MaxBatch = 500;                // 4,000 bytes: within one message's payload
    }

    public static class TallyError
    {
        public const long BadBatch = -1201;             // not a whole number of items, or over MaxBatch
        public const long NotImplemented = -1299;
    }
}
