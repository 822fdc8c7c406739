using System.Collections.Generic;

namespace MicroOS.Kernel.Boot
{
    public enum ServerKind { System, Test }

    public sealed class ManifestEntry
    {
        public string Name;
        public string Image;
        public ulong MemoryLimitBytes;
        public bool HighPriority;
        public ServerKind Kind;
        public string Arguments = "";
        public string Section;      // the `[name]` header above the line; null before the first one
        public int Line;            // 1-based line number in the manifest
    }

    // The boot manifest (boot/manifest.txt, a multiboot2 module named "manifest"): one server per line,
    //   name  image  memory-limit  priority  kind  [arguments...]
    // e.g. `init init.elf 512K high system`. `#` starts a comment. Pure logic (host-tested).
    public static class BootManifest
    {
        public static List<ManifestEntry> Parse(string text, List<string> errors) => Parse(text, errors, false);

        // `firstSectionOnly`: stop at the first `[name]` header (the kernel: sections are Init's).
        public static List<ManifestEntry> Parse(string text, List<string> errors, bool firstSectionOnly)
        {
            var entries = new List<ManifestEntry>();
            string[] lines = (text ?? "").Split('\n');
            string section = null;
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                int hash = line.IndexOf('#');
                if (hash >= 0)
                    line = line.Substring(0, hash);
                line = line.Trim();
                if (line.Length == 0)
                    continue;
                if (line[0] == '[')
                {
                    if (firstSectionOnly)
                        break;
                    if (line.Length < 3 || line[line.Length - 1] != ']')
                        errors.Add(string.Concat("manifest line ", (n + 1).ToString(), ": a section header is '[name]'"));
                    else
                        section = line.Substring(1, line.Length - 2);
                    continue;
                }
                List<string> words = Words(line);
                if (words.Count < 5)
                {
                    errors.Add(string.Concat("manifest line ", (n + 1).ToString(), ": expected 'name image memory priority kind [arguments]'"));
                    continue;
                }
                var entry = new ManifestEntry { Name = words[0], Image = words[1], Section = section, Line = n + 1 };
                if (!TryParseSize(words[2], out entry.MemoryLimitBytes))
                {
                    errors.Add(string.Concat("manifest line ", (n + 1).ToString(), ": bad memory limit '", words[2], "' (use e.g. 512K or 2M)"));
                    continue;
                }
                if (words[3] != "high" && words[3] != "normal")
                {
                    errors.Add(string.Concat("manifest line ", (n + 1).ToString(), ": priority must be 'high' or 'normal'"));
                    continue;
                }
                entry.HighPriority = words[3] == "high";
                if (words[4] != "system" && words[4] != "test")
                {
                    errors.Add(string.Concat("manifest line ", (n + 1).ToString(), ": kind must be 'system' or 'test'"));
                    continue;
                }
                entry.Kind = words[4] == "system" ? ServerKind.System : ServerKind.Test;
                for (int w = 5; w < words.Count; w++)
                    entry.Arguments = w == 5 ? words[w] : string.Concat(entry.Arguments, " ", words[w]);
                entries.Add(entry);
            }
            return entries;
        }

        public static bool TryParseSize(string text, out ulong bytes)
        {
            bytes = 0;
            if (string.IsNullOrEmpty(text))
                return false;
            ulong unit = 1;
            char last = text[text.Length - 1];
            if (last == 'K' || last == 'k') unit = 1024;
            else if (last == 'M' || last == 'm') unit = 1024 * 1024;
            string digits = unit == 1 ? text : text.Substring(0, text.Length - 1);
            if (!int.TryParse(digits, out int value) || value <= 0)
                return false;
            bytes = (ulong)value * unit;
            return true;
        }

        private static List<string> Words(string line)
        {
            var words = new List<string>();
            string[] parts = line.Split(' ');
            for (int i = 0; i < parts.Length; i++)
            {
                string p = parts[i].Trim();
                if (p.Length > 0)
                    words.Add(p);
            }
            return words;
        }
    }
}
