using System;
using System.Runtime.CompilerServices;

namespace MicroOS.Kernel.Tasks
{
    // Strings the kernel rewrites in place instead of allocating: process_create's name goes into
    // its Process's own buffer (Process.TakeName), its arguments into one buffer the loader copies
    // from at once (ProcessCapSyscalls.Create). The kernel heap is never collected, so a string made
    // per call would stay for good (before: 128 interned, then one per call).
    //
    // What must stay true: a buffer is made once with its capacity, and never written past it; a
    // reference to it taken earlier sees the new text (a log line in progress, an old thread's
    // name), never memory that is not a string. Literals and strings made elsewhere are never
    // written to.
    internal static unsafe class ReusedText
    {
        // A string's layout (NativeAOT): MethodTable, int length, then the UTF-16 characters and a 0.
        private const int LengthOffset = 8, CharsOffset = 12;

        public static string Make(int capacity) => new string('\0', capacity);

        // `buffer` (from Make, with at least ascii.Length of capacity) now reads as `ascii`.
        public static string Write(string buffer, ReadOnlySpan<byte> ascii)
        {
            byte* s = (byte*)Unsafe.As<string, nint>(ref buffer);
            char* chars = (char*)(s + CharsOffset);
            for (int i = 0; i < ascii.Length; i++)
                chars[i] = ascii[i] < 0x80 ? (char)ascii[i] : '?';
            chars[ascii.Length] = '\0';
            *(int*)(s + LengthOffset) = ascii.Length;
            return buffer;
        }

        public static string Write(string buffer, string text)
        {
            byte* s = (byte*)Unsafe.As<string, nint>(ref buffer);
            char* chars = (char*)(s + CharsOffset);
            for (int i = 0; i < text.Length; i++)
                chars[i] = text[i];
            chars[text.Length] = '\0';
            *(int*)(s + LengthOffset) = text.Length;
            return buffer;
        }
    }
}
