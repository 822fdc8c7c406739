using System;
using System.Text;
using static MicroOS.Conformance.Suite;

namespace MicroOS.Conformance
{
    // System.Text.Encoding: UTF8, ASCII, Unicode (UTF-16LE), BigEndianUnicode, UTF32 — fixed cases
    // for each rule, then random byte strings (mostly ill-formed: every replacement rule is hit) and
    // random strings with lone surrogates. Values print as hex, since the server's log is ASCII.
    internal static class Encodings
    {
        public static void Run()
        {
            Encoding[] all = { Encoding.UTF8, Encoding.ASCII, Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF32 };
            string[] names = { "utf8", "ascii", "utf16", "utf16be", "utf32" };
            string[] texts = { "", "hello", "caf\u00e9", "\u20ac10", "a\ud83d\ude00b", "\ud800", "x\udc00y", "\ud83d", "\u00ff\u0100\u07ff\u0800\uffff", "FAT LONG NAME.TXT", "\u03b1\u03b2\u03b3 \u0436", "\ud800\ud800\udc00" };
            for (int e = 0; e < all.Length; e++)
            {
                Encoding enc = all[e];
                C($"encoding.{names[e]}.names", enc.WebName + " " + enc.CodePage + " " + enc.EncodingName + " " + enc.IsSingleByte + " " + Hex(enc.GetPreamble()) + " " + enc.Preamble.Length);
                C($"encoding.{names[e]}.max", enc.GetMaxByteCount(O(0)) + " " + enc.GetMaxByteCount(O(10)) + " " + enc.GetMaxCharCount(O(0)) + " " + enc.GetMaxCharCount(O(10)) + " " + enc.GetMaxCharCount(O(7)));
                for (int t = 0; t < texts.Length; t++)
                {
                    string s = O(texts[t]);
                    byte[] bytes = enc.GetBytes(s);
                    C($"encoding.{names[e]}.bytes#{t}", Hex(bytes) + " " + enc.GetByteCount(s) + " " + enc.GetByteCount(s.ToCharArray()));
                    C($"encoding.{names[e]}.roundtrip#{t}", Chars(enc.GetString(bytes)) + " " + enc.GetCharCount(bytes) + " " + (enc.GetString(bytes) == s));
                }
                byte[] buffer = new byte[O(40)];
                int written = enc.GetBytes(O("pad:\u00e9"), 0, 5, buffer, 3);
                C($"encoding.{names[e]}.getbytes.index", written + " " + Hex(buffer, 0, 3 + written));
                char[] chars = new char[O(12)];
                int decoded = enc.GetChars(buffer, 3, written, chars, 2);
                C($"encoding.{names[e]}.getchars.index", decoded + " " + new string(chars, 2, decoded).Replace('\u00e9', 'E'));
                Span<byte> span = stackalloc byte[O(16)];
                int n = enc.GetBytes(O("span").AsSpan(), span);
                C($"encoding.{names[e]}.span", n + " " + Hex(span.Slice(0, n).ToArray()) + " " + enc.GetString(span.Slice(0, n)) + " " + enc.GetCharCount(span.Slice(0, n)) + " " + enc.GetByteCount(O("span").AsSpan()));
                bool fits = enc.TryGetBytes(O("toolongforthis"), span.Slice(0, 4), out int tw);
                bool fits2 = enc.TryGetBytes(O("ok"), span, out int tw2);
                C($"encoding.{names[e]}.try", fits + " " + tw + " " + fits2 + " " + tw2);
                C($"encoding.{names[e]}.substring", Hex(enc.GetBytes(O("abcdef"), 2, 3)) + " " + enc.GetString(enc.GetBytes(O("abcdef")), 0, enc.GetByteCount("ab")) + " " + enc.GetByteCount(O("abcdef").ToCharArray(), 1, 2));
                C($"encoding.{names[e]}.getchars", Chars(new string(enc.GetChars(enc.GetBytes(O("xyz"))))) + " " + Chars(new string(enc.GetChars(enc.GetBytes(O("xyz")), 0, enc.GetByteCount("x")))));
            }

            // Decoding fixed ill-formed input: each rule of the maximal-subpart replacement.
            byte[][] utf8Cases =
            {
                new byte[] { 0x41, 0xE0, 0x80, 0x41 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 },
                new byte[] { 0xC0, 0xAF }, new byte[] { 0xC1, 0xBF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xED, 0x9F, 0xBF },
                new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF4, 0x8F, 0xBF, 0xBF }, new byte[] { 0xF5, 0x80 }, new byte[] { 0xFF, 0xFE },
                new byte[] { 0xE2, 0x82 }, new byte[] { 0xE2, 0x82, 0xAC }, new byte[] { 0xE0, 0xA0, 0x80 }, new byte[] { 0xE0, 0x9F, 0xBF },
                new byte[] { 0xF0, 0x8F, 0xBF, 0xBF }, new byte[] { 0xF0, 0x90, 0x80, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xBF, 0x80, 0x41 },
                new byte[] { 0xC2 }, new byte[] { 0xC2, 0x41 }, new byte[] { 0xEF, 0xBB, 0xBF, 0x41 }, new byte[] { 0xE1, 0x80, 0xE1, 0x80, 0x80 },
            };
            for (int i = 0; i < utf8Cases.Length; i++)
                C($"encoding.utf8.decode#{i}", Chars(Encoding.UTF8.GetString(O(utf8Cases[i]))) + " " + Encoding.UTF8.GetCharCount(utf8Cases[i]));
            byte[][] utf16Cases =
            {
                new byte[] { 0x41, 0x00, 0x3D, 0xD8, 0x41, 0x00 }, new byte[] { 0x00, 0xDC, 0x42 }, new byte[] { 0x3D, 0xD8, 0x00, 0xDE },
                new byte[] { 0x3D, 0xD8 }, new byte[] { 0x41 }, new byte[] { 0x00, 0xD8, 0x00, 0xD8, 0x00, 0xDC },
            };
            for (int i = 0; i < utf16Cases.Length; i++)
                C($"encoding.utf16.decode#{i}", Chars(Encoding.Unicode.GetString(O(utf16Cases[i]))) + " " + Chars(Encoding.BigEndianUnicode.GetString(utf16Cases[i])) + " " + Encoding.Unicode.GetCharCount(utf16Cases[i]));
            byte[][] utf32Cases =
            {
                new byte[] { 0x41, 0, 0, 0, 0x00, 0xF6, 0x01, 0x00 }, new byte[] { 0x00, 0xD8, 0, 0 }, new byte[] { 0, 0, 0x11, 0 },
                new byte[] { 0x41, 0, 0 }, new byte[] { 0x41, 0, 0, 0, 0x42 },
            };
            for (int i = 0; i < utf32Cases.Length; i++)
                C($"encoding.utf32.decode#{i}", Chars(Encoding.UTF32.GetString(O(utf32Cases[i]))) + " " + Encoding.UTF32.GetCharCount(utf32Cases[i]));
            C("encoding.ascii.decode", Chars(Encoding.ASCII.GetString(O(new byte[] { 0x41, 0x80, 0xFF, 0x7F }))));

            // Random byte strings: biased towards lead and continuation bytes so most are ill-formed.
            byte[] pool = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF };
            for (int i = 0; i < 240; i++)
            {
                byte[] b = new byte[NextInt(9)];
                for (int k = 0; k < b.Length; k++)
                    b[k] = NextInt(3) == 0 ? (byte)Next() : pool[NextInt(pool.Length)];
                string u8 = Encoding.UTF8.GetString(b);
                C($"encoding.random#{i}", Hex(b) + " utf8 " + Chars(u8) + " " + Hex(Encoding.UTF8.GetBytes(u8)) + " utf16 " + Chars(Encoding.Unicode.GetString(b)) + " utf32 " + Chars(Encoding.UTF32.GetString(b)) + " ascii " + Chars(Encoding.ASCII.GetString(b)));
            }
            // Random strings with surrogates in any order.
            char[] cpool = { 'a', '\u00e9', '\u07ff', '\u0800', '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000', '\ufffd', '\uffff' };
            for (int i = 0; i < 120; i++)
            {
                char[] c = new char[NextInt(6)];
                for (int k = 0; k < c.Length; k++)
                    c[k] = cpool[NextInt(cpool.Length)];
                string s = new string(c);
                C($"encoding.randomchars#{i}", Chars(s) + " utf8 " + Hex(Encoding.UTF8.GetBytes(s)) + " utf16 " + Hex(Encoding.Unicode.GetBytes(s)) + " utf32 " + Hex(Encoding.UTF32.GetBytes(s)) + " ascii " + Hex(Encoding.ASCII.GetBytes(s)) + " " + Encoding.UTF8.GetByteCount(c));
            }

            C("encoding.getencoding", Encoding.GetEncoding(O(65001)).WebName + " " + Encoding.GetEncoding(O("utf-8")).CodePage + " " + Encoding.GetEncoding(O(1200)).WebName + " " + Encoding.GetEncoding(O("us-ascii")).CodePage + " " + Encoding.GetEncoding(O(12000)).WebName + " " + Encoding.GetEncoding(O(1201)).WebName);
            C("encoding.default", Encoding.Default.WebName + " " + Encoding.Default.GetPreamble().Length + " " + new UTF8Encoding().GetPreamble().Length + " " + new UTF8Encoding(true).GetPreamble().Length);
            C("encoding.equals", Encoding.UTF8.Equals(O(new UTF8Encoding(true))) + " " + Encoding.UTF8.Equals(O(new UTF8Encoding(false))) + " " + Encoding.Unicode.Equals(O(new UnicodeEncoding())) + " " + Encoding.UTF8.Equals(Encoding.ASCII) + " " + Encoding.UTF8.Equals(null));
            C("encoding.unicode.options", Hex(new UnicodeEncoding(true, false).GetBytes(O("ab"))) + " " + new UnicodeEncoding(true, false).GetPreamble().Length + " " + Hex(new UTF32Encoding(true, true).GetBytes(O("a"))) + " " + Hex(new UTF32Encoding(true, true).GetPreamble()));
            C("encoding.convert", Hex(Encoding.Convert(Encoding.UTF8, Encoding.Unicode, O(new byte[] { 0x68, 0xC3, 0xA9 }))) + " " + Hex(Encoding.Convert(Encoding.Unicode, Encoding.UTF8, O(new byte[] { 0xAC, 0x20 }))));
            C("encoding.fatname", Hex(Encoding.Unicode.GetBytes(O("Read Me.txt"))) + " " + Encoding.Unicode.GetString(O(new byte[] { 0x52, 0, 0x65, 0, 0x61, 0, 0x64, 0 })));
        }

        // Needs caught exceptions (Exceptional calls it).
        public static void Errors(Func<Func<string>, string> catchIt)
        {
            var strict = new UTF8Encoding(false, true);
            C("encoding.exc.strict8", catchIt(() => strict.GetString(O(new byte[] { 0x41, 0xC3 }))) + " " + catchIt(() => Hex(strict.GetBytes(O("a\ud800")))) + " " + catchIt(() => strict.GetString(O(new byte[] { 0x41, 0x42 }))));
            var strict16 = new UnicodeEncoding(false, false, true);
            C("encoding.exc.strict16", catchIt(() => strict16.GetString(O(new byte[] { 0x41, 0, 0x00, 0xD8 }))) + " " + catchIt(() => Hex(strict16.GetBytes(O("\udc00")))) + " " + catchIt(() => strict16.GetString(O(new byte[] { 0x41 }))));
            C("encoding.exc.args", catchIt(() => Encoding.UTF8.GetString(O<byte[]>(null))) + " " + catchIt(() => Hex(Encoding.UTF8.GetBytes(O<string>(null)))) + " " + catchIt(() => Encoding.UTF8.GetString(O(new byte[2]), 1, 2)) + " " + catchIt(() => Encoding.UTF8.GetString(O(new byte[2]), -1, 1)));
            C("encoding.exc.short", catchIt(() => Encoding.UTF8.GetBytes(O("abc"), 0, 3, new byte[2], 0).ToString()) + " " + catchIt(() => Encoding.Unicode.GetChars(O(new byte[] { 0x41, 0, 0x42, 0 }), 0, 4, new char[1], 0).ToString()) + " " + catchIt(() => Encoding.ASCII.GetBytes(O("abc"), 0, 3, new byte[3], 1).ToString()));
            C("encoding.exc.getencoding", catchIt(() => Encoding.GetEncoding(O("klingon")).WebName) + " " + catchIt(() => Encoding.UTF8.GetMaxByteCount(O(-1)).ToString()));
        }

        public static string Hex(byte[] b) => Hex(b, 0, b.Length);

        public static string Hex(byte[] b, int start, int end)
        {
            var sb = new StringBuilder();
            for (int i = start; i < end; i++)
                sb.Append(b[i].ToString("X2"));
            return sb.Length == 0 ? "-" : sb.ToString();
        }

        // A string as ASCII: printable ASCII as is, anything else as <XXXX>.
        public static string Chars(string s)
        {
            var sb = new StringBuilder();
            foreach (char c in s)
            {
                if (c >= 0x20 && c < 0x7F) sb.Append(c);
                else sb.Append('<').Append(((int)c).ToString("X4")).Append('>');
            }
            return sb.Length == 0 ? "-" : sb.ToString();
        }
    }
}
