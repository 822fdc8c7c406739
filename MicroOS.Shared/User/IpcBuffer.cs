using System;
using MicroOS.Shared.Abi;

namespace MicroOS.Shared.User
{
    // The main thread's IPC buffer: one page the kernel copies a message's payload into and out of,
    // and the slot a received capability lands in. Every call, receive and reply reuses the page, so
    // a payload read after the next call is someone else's. The rule that keeps this from biting:
    // only generated contract code (and this library) touches the page, through Payload, which
    // checks every access against the message's length; a generated client copies the reply out
    // before it returns, a generated dispatcher copies the request out before the handler runs and
    // writes the reply after it returns. A server's own code never sees the page.
    public static unsafe class IpcBuffer
    {
        internal static byte* Page;
        private static int s_receiveSlot;

        public static bool Ready => Page != null;
        public static int ReceiveSlot => s_receiveSlot;

        // Maps the page and names it (and a receive slot) to the kernel; once per server.
        public static void Setup()
        {
            if (Page != null)
                return;
            Page = (byte*)Sys.MapMemory(MessageTag.MaxPayload);
            s_receiveSlot = Caps.NewSlot();
            Ipc.SetBuffer(Page, s_receiveSlot);
        }

        // The capability that came with the last message, moved out of the receive slot (which the
        // next message may need) into a slot of its own; 0 if none came or no slot is free.
        public static int TakeReceived()
        {
            int slot = Caps.NewSlot();
            if (slot == 0)
            {
                Caps.Delete(s_receiveSlot);
                return 0;
            }
            if (Caps.Move(s_receiveSlot, slot) != 0)
            {
                Caps.FreeSlot(slot);
                return 0;
            }
            return slot;
        }

        // System.IO's client (FileSystem.cs) calls through this same buffer; `names` finds the fat server.
        public static void ShareWithFileSystem(Endpoint names) => FileSystem.Configure(names);

        // A program that maps and names its buffer itself (the test probes) lends it to the
        // generated clients this way.
        public static void Adopt(byte* page, int receiveSlot)
        {
            Page = page;
            s_receiveSlot = receiveSlot;
        }

        // A capability that came with a message nobody asked for is not kept.
        public static void DropReceived() => Caps.Delete(s_receiveSlot);
    }

    // Reads or writes one message's payload in the IPC buffer, in the contract layout
    // (docs/writing-a-server.md, "Contracts"): integers little-endian in their own size, bool one
    // byte, a string or byte array a 2-byte length and its bytes (the last one of a message takes
    // the rest of the payload, no length), an array of records a 2-byte count and each record's
    // fields in order. Every read is checked against the message's length: past it, Failed is set
    // and reads return zero values, so a malformed message is answered with an error, never with a
    // fault. A write past the page sets Failed the same way.
    public unsafe struct Payload
    {
        private int _position;
        private readonly int _limit;
        public bool Failed;

        private Payload(int limit)
        {
            _position = 0;
            _limit = limit;
            Failed = false;
        }

        private static byte* Page => IpcBuffer.Page;

        // Over a received message of `length` bytes.
        public static Payload Reader(int length) => new Payload(length < 0 || length > MessageTag.MaxPayload ? -1 : length);

        // Over an empty message to send.
        public static Payload Writer() => new Payload(MessageTag.MaxPayload);

        public int Length => _position;

        // A reader must end exactly at its message's end (a longer message is malformed too).
        public bool AtEnd => !Failed && _position == _limit;

        private bool Room(int bytes)
        {
            if (Failed || bytes < 0 || _limit - _position < bytes || (bytes > 0 && Page == null))
            {
                Failed = true;
                return false;
            }
            return true;
        }

        public ulong ReadInteger(int bytes)
        {
            if (!Room(bytes))
                return 0;
            ulong v = 0;
            for (int i = 0; i < bytes; i++)
                v |= (ulong)Page[_position + i] << (8 * i);
            _position += bytes;
            return v;
        }

        public void WriteInteger(ulong value, int bytes)
        {
            if (!Room(bytes))
                return;
            for (int i = 0; i < bytes; i++)
                Page[_position + i] = (byte)(value >> (8 * i));
            _position += bytes;
        }

        // A count of items of at least `itemBytes` bytes each, refused if they cannot all be there.
        public int ReadCount(int itemBytes)
        {
            int count = (int)ReadInteger(2);
            if (!Failed && (long)count * (itemBytes < 1 ? 1 : itemBytes) > _limit - _position)
                Failed = true;
            return Failed ? 0 : count;
        }

        public void WriteCount(int count)
        {
            if (count > 0xFFFF)
                Failed = true;
            WriteInteger((ulong)count, 2);
        }

        private int ReadLength(bool rest) => rest ? (Failed ? 0 : _limit - _position) : ReadCount(1);

        // UTF-8 (ASCII the common case, copied byte by byte): a malformed sequence fails the read
        // (the message is malformed), never becomes U+FFFD, so a server never acts on a name the
        // client did not mean (a file path).
        public string ReadString(bool rest)
        {
            int length = ReadLength(rest);
            if (!Room(length))
                return null;
            byte* at = Page + _position;
            bool ascii = true;
            for (int i = 0; i < length && ascii; i++)
                ascii = at[i] < 0x80;
            string text;
            if (ascii)
            {
                char[] chars = new char[length];
                for (int i = 0; i < length; i++)
                    chars[i] = (char)at[i];
                text = new string(chars);
            }
            else
            {
                try
                {
                    text = s_strict.GetString(new ReadOnlySpan<byte>(at, length));
                }
                catch (ArgumentException)
                {
                    Failed = true;
                    return null;
                }
            }
            _position += length;
            return text;
        }

        private static readonly System.Text.UTF8Encoding s_strict = new System.Text.UTF8Encoding(false, true);

        // UTF-8 (a lone surrogate travels as U+FFFD). A null string travels as an empty one.
        public void WriteString(string text, bool rest)
        {
            int length = text == null ? 0 : text.Length;
            bool ascii = true;
            for (int i = 0; i < length && ascii; i++)
                ascii = text[i] < 0x80;
            if (!ascii)
                length = System.Text.Encoding.UTF8.GetByteCount(text);
            if (!rest)
                WriteCount(length);
            if (!Room(length))
                return;
            if (ascii)
                for (int i = 0; i < length; i++)
                    Page[_position + i] = (byte)text[i];
            else
                System.Text.Encoding.UTF8.GetBytes(text.AsSpan(), new Span<byte>(Page + _position, length));
            _position += length;
        }

        public byte[] ReadBytes(bool rest)
        {
            int length = ReadLength(rest);
            if (!Room(length))
                return null;
            byte[] bytes = new byte[length];
            new ReadOnlySpan<byte>(Page + _position, length).CopyTo(bytes);
            _position += length;
            return bytes;
        }

        // The rest of a reply into `destination` (a Span<byte> the reply fills): the bytes copied, or
        // -1 and Failed when they do not fit.
        public int ReadInto(Span<byte> destination)
        {
            int length = ReadLength(true);
            if (length > destination.Length || !Room(length))
            {
                Failed = true;
                return -1;
            }
            new ReadOnlySpan<byte>(Page + _position, length).CopyTo(destination);
            _position += length;
            return length;
        }

        public void WriteBytes(ReadOnlySpan<byte> bytes, bool rest)
        {
            if (!rest)
                WriteCount(bytes.Length);
            if (!Room(bytes.Length))
                return;
            bytes.CopyTo(new Span<byte>(Page + _position, bytes.Length));
            _position += bytes.Length;
        }
    }
}
