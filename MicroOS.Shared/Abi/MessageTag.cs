namespace MicroOS.Shared.Abi
{
    // The first word of every message (rsi):
    //   bits  0..12  payload length in bytes, in the IPC buffer (0..4096)
    //   bits 13..14  capabilities carried (0 or 1)
    //   bits 16..31  the sender's slot of the carried capability; on receipt, the slot it landed in
    //   bits 32..63  label: what the message means (the contract's operation, or a fault kind)
    public readonly struct MessageTag
    {
        public const int MaxPayload = 4096;
        // Bits 0..14: the payload length (0..12) and the capability count (13..14). A tag with none of
        // them is a register-only message (the kernel's fast cases test just this).
        public const ulong PayloadAndCapBits = 0x7FFF;
        public readonly ulong Value;

        public MessageTag(ulong value) => Value = value;

        public static MessageTag Of(uint label, int length = 0) => new MessageTag(((ulong)label << 32) | (uint)(length & 0x1FFF));

        public static MessageTag WithCap(uint label, int capSlot, int length = 0) =>
            new MessageTag(((ulong)label << 32) | (1UL << 13) | ((ulong)(ushort)capSlot << 16) | (uint)(length & 0x1FFF));

        public uint Label => (uint)(Value >> 32);
        public int Length => (int)(Value & 0x1FFF);
        public int CapCount => (int)((Value >> 13) & 3);
        public int CapSlot => (int)((Value >> 16) & 0xFFFF);
    }

    // Labels the kernel itself sends.
    public static class KernelLabels
    {
        public const uint Fault = 0xFA017;     // a fault message: mr0 vector, mr1 rip, mr2 address (cr2), mr3 error code
    }
}
