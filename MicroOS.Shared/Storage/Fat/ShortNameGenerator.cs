using System;
using System.Collections.Generic;

namespace MicroOS.Shared.Storage.Fat
{
    // The 8.3 alias of a long name, made as Windows makes it (FAT specification, "Basis-Name
    // Generation" and "Numeric-Tail Generation"):
    //  - a name that is already a valid 8.3 name, each part all upper or all lower case ("readme.txt",
    //    "README.TXT", "readme.TXT"), is stored as its short entry alone with the NT case bits
    //    (Windows NT's way; Linux and mtools read them) and no long-name entries;
    //  - otherwise the basis is the name upper-cased, spaces and leading periods removed, periods
    //    except the last removed, characters an 8.3 name cannot hold ('+', ',', ';', '=', '[', ']',
    //    anything past ASCII: no OEM code page here) turned into '_', the first 8 before the last
    //    period and the first 3 after it;
    //  - a numeric tail "~N" is added when the basis lost anything or is already taken: ~1 .. ~4 on
    //    the basis, then (Windows's 5th-collision rule) the first two basis characters, four hex
    //    digits of a hash of the long name and ~1 .. ~9, then ~N with N up to 999999.
    // The hash is our own (Windows's is not documented); only its shape matches.
    internal static class ShortNameGenerator
    {
        // Fills shortName (11 bytes) and returns whether long-name entries are needed; caseBits are
        // the NT bits to store when they are not.
        public static bool Generate(string name, HashSet<string> taken, byte[] shortName, out byte caseBits)
        {
            caseBits = 0;
            if (FitsShort(name, shortName, out caseBits) && !taken.Contains(Key(shortName)))
                return false;

            bool lossy = false;
            int lastDot = name.LastIndexOf('.');
            if (lastDot == 0)
                lastDot = -1;       // ".profile": all of it is the base
            var basis = new char[8];
            int baseLength = 0;
            var ext = new char[3];
            int extLength = 0;
            int baseEnd = lastDot < 0 ? name.Length : lastDot;
            for (int i = 0; i < baseEnd; i++)
            {
                char c = name[i];
                if (c == ' ' || c == '.')
                {
                    lossy = true;   // spaces and periods are dropped from the base
                    continue;
                }
                char s = ShortChar(c, ref lossy);
                if (baseLength < 8)
                    basis[baseLength++] = s;
                else
                    lossy = true;
            }
            if (lastDot >= 0)
                for (int i = lastDot + 1; i < name.Length; i++)
                {
                    char c = name[i];
                    if (c == ' ')
                    {
                        lossy = true;
                        continue;
                    }
                    char s = ShortChar(c, ref lossy);
                    if (extLength < 3)
                        ext[extLength++] = s;
                    else
                        lossy = true;
                }
            if (baseLength == 0)
            {
                basis[baseLength++] = '_';
                lossy = true;
            }

            caseBits = 0;
            if (!lossy)
            {
                Fill(shortName, basis, baseLength, ext, extLength);
                if (!taken.Contains(Key(shortName)))
                    return true;
            }
            for (int n = 1; n <= 4; n++)
                if (TryTail(shortName, basis, baseLength, ext, extLength, n, taken))
                    return true;
            ushort hash = Hash(name);
            var hashed = new char[6];
            hashed[0] = basis[0];
            int hashedLength = 1;
            if (baseLength > 1)
                hashed[hashedLength++] = basis[1];
            for (int shift = 12; shift >= 0; shift -= 4)
                hashed[hashedLength++] = "0123456789ABCDEF"[(hash >> shift) & 0xF];
            for (int n = 1; n <= 9; n++)
                if (TryTail(shortName, hashed, hashedLength, ext, extLength, n, taken))
                    return true;
            for (int n = 5; n <= 999999; n++)
                if (TryTail(shortName, basis, baseLength, ext, extLength, n, taken))
                    return true;
            return true;    // cannot happen: a directory holds at most 65,536 entries
        }

        // The 11 bytes as a lookup key.
        public static string Key(ReadOnlySpan<byte> shortName)
        {
            var chars = new char[11];
            for (int i = 0; i < 11; i++)
                chars[i] = (char)shortName[i];
            return new string(chars);
        }

        private static bool TryTail(byte[] shortName, char[] basis, int baseLength, char[] ext, int extLength, int n, HashSet<string> taken)
        {
            string tail = string.Concat("~", n.ToString());
            int keep = Math.Min(baseLength, 8 - tail.Length);
            var withTail = new char[8];
            for (int i = 0; i < keep; i++)
                withTail[i] = basis[i];
            for (int i = 0; i < tail.Length; i++)
                withTail[keep + i] = tail[i];
            Fill(shortName, withTail, keep + tail.Length, ext, extLength);
            return !taken.Contains(Key(shortName));
        }

        private static void Fill(byte[] shortName, char[] basis, int baseLength, char[] ext, int extLength)
        {
            for (int i = 0; i < 11; i++)
                shortName[i] = (byte)' ';
            for (int i = 0; i < baseLength; i++)
                shortName[i] = (byte)basis[i];
            for (int i = 0; i < extLength; i++)
                shortName[8 + i] = (byte)ext[i];
            if (shortName[0] == 0xE5)
                shortName[0] = 0x05;
        }

        // Whether name is a plain 8.3 name whose parts are each of one case; fills the short name.
        private static bool FitsShort(string name, byte[] shortName, out byte caseBits)
        {
            caseBits = 0;
            int dot = name.IndexOf('.');
            int baseLength = dot < 0 ? name.Length : dot;
            int extLength = dot < 0 ? 0 : name.Length - dot - 1;
            if (baseLength < 1 || baseLength > 8 || extLength > 3 || (dot >= 0 && extLength == 0))
                return false;
            for (int i = 0; i < 11; i++)
                shortName[i] = (byte)' ';
            bool baseUpper = false, baseLower = false, extUpper = false, extLower = false;
            for (int i = 0; i < name.Length; i++)
            {
                if (i == dot)
                    continue;
                char c = name[i];
                bool inExt = dot >= 0 && i > dot;
                if (c >= 'a' && c <= 'z')
                {
                    if (inExt) extLower = true; else baseLower = true;
                    c = (char)(c - 32);
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    if (inExt) extUpper = true; else baseUpper = true;
                }
                else if (!IsShortChar(c) || c == ' ')
                    return false;
                shortName[inExt ? 8 + i - dot - 1 : i] = (byte)c;
            }
            if ((baseUpper && baseLower) || (extUpper && extLower))
                return false;
            if (shortName[0] == 0xE5)
                shortName[0] = 0x05;
            caseBits = (byte)((baseLower ? DirectoryEntry.BaseLowerCase : 0) | (extLower ? DirectoryEntry.ExtensionLowerCase : 0));
            return true;
        }

        private static bool IsShortChar(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '
            || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '(' || c == ')'
            || c == '-' || c == '@' || c == '^' || c == '_' || c == '`' || c == '{' || c == '}' || c == '~';

        private static char ShortChar(char c, ref bool lossy)
        {
            if (c >= 'a' && c <= 'z')
                return (char)(c - 32);
            if (IsShortChar(c) && c != ' ')
                return c;
            lossy = true;
            return '_';
        }

        private static ushort Hash(string name)
        {
            uint h = 0;
            for (int i = 0; i < name.Length; i++)
                h = h * 31 + name[i];
            return (ushort)(h ^ h >> 16);
        }
    }
}
