namespace MicroOS.Shared.User
{
    // Text in a mapped frame (Init's boot manifest), read as ASCII without the caller touching a pointer.
    public static unsafe class MappedText
    {
        // `length` bytes at `offset` into the frame mapped at `address` (FrameCap.Map).
        public static string ReadAscii(this FrameCap frame, ulong address, int offset, int length)
        {
            byte* bytes = (byte*)address + offset;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = (char)bytes[i];
            return new string(chars);
        }
    }
}
