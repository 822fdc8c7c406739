using System.Collections.Generic;

namespace MicroOS.Shared.Manifest
{
    public enum ServerKind { System, Test }

    public sealed class ManifestEntry
    {
        public string Name;
        public string Image;
        public ulong MemoryLimitBytes;
        public bool HighPriority;
        // Priority `late`: normal priority, but Init starts it only after the servers above it have
        // had a tick to run (the prompt does not wait for it: the storage servers).
        public bool Late;
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
            text ??= "";
            string section = null;
            // Line by line without splitting the text: only lines that hold more than a comment
            // become strings (the kernel and Init parse the manifest at every boot).
            int start = 0;
            for (int n = 0; start <= text.Length; n++)
            {
                int newline = text.IndexOf('\n', start);
                int end = newline < 0 ? text.Length : newline;
                int hash = text.IndexOf('#', start, end - start);
                int first = start, last = hash >= 0 ? hash : end;
                start = end + 1;
                while (first < last && char.IsWhiteSpace(text[first]))
                    first++;
                while (last > first && char.IsWhiteSpace(text[last - 1]))
                    last--;
                if (last == first)
                    continue;
                string line = text.Substring(first, last - first);
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
                if (words[3] != "high" && words[3] != "normal" && words[3] != "late")
                {
                    errors.Add(string.Concat("manifest line ", (n + 1).ToString(), ": priority must be 'high', 'normal' or 'late'"));
                    continue;
                }
                entry.HighPriority = words[3] == "high";
                entry.Late = words[3] == "late";
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

        // The line split at spaces, each part trimmed, empty parts dropped (as line.Split(' ') and
        // Trim would), without a string per space: the manifest's columns are padded with dozens
        // of spaces, and the kernel and Init parse every line at boot.
        private static List<string> Words(string line)
        {
            var words = new List<string>();
            int i = 0;
            while (i < line.Length)
            {
                int end = line.IndexOf(' ', i);
                if (end < 0)
                    end = line.Length;
                int first = i, last = end;
                while (first < last && char.IsWhiteSpace(line[first]))
                    first++;
                while (last > first && char.IsWhiteSpace(line[last - 1]))
                    last--;
                if (last > first)
                    words.Add(line.Substring(first, last - first));
                i = end + 1;
            }
            return words;
        }
    }
}
