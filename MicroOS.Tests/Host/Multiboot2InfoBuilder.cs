using System.Buffers.Binary;
using System.Text;

namespace MicroOS.Tests.Host;

// Builds multiboot2 boot information the way GRUB lays it out (spec section 3.6):
// u32 total_size, u32 reserved, then tags {u32 type, u32 size, payload} each starting 8-aligned,
// closed by an end tag {0, 8}. Little-endian throughout.
internal sealed class Multiboot2InfoBuilder
{
    public const uint TagEnd = 0;
    public const uint TagCommandLine = 1;
    public const uint TagBootLoaderName = 2;
    public const uint TagModule = 3;
    public const uint TagBasicMemoryInfo = 4;
    public const uint TagMemoryMap = 6;

    private readonly List<byte> _tags = new();

    public readonly record struct MemoryEntry(ulong Base, ulong Length, uint Type);

    public Multiboot2InfoBuilder CommandLine(string text) => Tag(TagCommandLine, CString(text));

    public Multiboot2InfoBuilder BootLoaderName(string text) => Tag(TagBootLoaderName, CString(text));

    public Multiboot2InfoBuilder Module(uint start, uint end, string name)
    {
        var payload = new List<byte>();
        payload.AddRange(U32(start));
        payload.AddRange(U32(end));
        payload.AddRange(CString(name));
        return Tag(TagModule, payload.ToArray());
    }

    // entrySize > 24 pads each entry, as a future spec version may; entrySize < 24 is malformed.
    public Multiboot2InfoBuilder MemoryMap(IEnumerable<MemoryEntry> entries, uint entrySize = 24)
    {
        var payload = new List<byte>();
        payload.AddRange(U32(entrySize));
        payload.AddRange(U32(0)); // entry_version
        foreach (MemoryEntry e in entries)
        {
            var entry = new byte[Math.Max(entrySize, 24)];
            BinaryPrimitives.WriteUInt64LittleEndian(entry.AsSpan(0), e.Base);
            BinaryPrimitives.WriteUInt64LittleEndian(entry.AsSpan(8), e.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(16), e.Type);
            payload.AddRange(entry.Take((int)Math.Min(entrySize, (uint)entry.Length)));
        }
        return Tag(TagMemoryMap, payload.ToArray());
    }

    // Any tag, with `size` overridable to forge malformed structures.
    public Multiboot2InfoBuilder Tag(uint type, byte[] payload, uint? size = null)
    {
        Align8();
        _tags.AddRange(U32(type));
        _tags.AddRange(U32(size ?? (uint)(8 + payload.Length)));
        _tags.AddRange(payload);
        return this;
    }

    public Multiboot2InfoBuilder End() => Tag(TagEnd, Array.Empty<byte>());

    // The whole structure; totalSize overrides the header field to forge malformed structures.
    public byte[] Build(uint? totalSize = null)
    {
        var info = new List<byte>();
        info.AddRange(U32(totalSize ?? (uint)(8 + _tags.Count)));
        info.AddRange(U32(0));
        info.AddRange(_tags);
        return info.ToArray();
    }

    // A complete, valid structure: what GRUB hands a 128 MiB BIOS machine, plus one module.
    public static Multiboot2InfoBuilder Typical() => new Multiboot2InfoBuilder()
        .CommandLine("exit test=selftest")
        .BootLoaderName("GRUB 2.06")
        .Module(0x200000, 0x201234, "init")
        .MemoryMap(TypicalMemoryMap)
        .End();

    public static readonly MemoryEntry[] TypicalMemoryMap =
    {
        new(0x0, 0x9FC00, 1),
        new(0x9FC00, 0x400, 2),
        new(0xF0000, 0x10000, 2),
        new(0x100000, 0x7EE0000, 1),
        new(0x7FE0000, 0x20000, 2),
        new(0xFFFC0000, 0x40000, 2),
    };

    private void Align8()
    {
        // Tags start 8-aligned relative to the structure, whose 8-byte header precedes _tags.
        while (_tags.Count % 8 != 0)
            _tags.Add(0);
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] CString(string text) => Encoding.ASCII.GetBytes(text + "\0");
}
