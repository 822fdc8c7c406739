// An MSBuild inline task (MicroOS.Native.targets compiles it with RoslynCodeTaskFactory; it is not
// part of MicroOS.Build.csproj). Reads a linked server image's ELF symbol table and writes the name
// table the runtime's SymbolNames.cs searches, so an unhandled exception can name its type and the
// method that threw it without reflection metadata:
//   u32 magic "MNAM", u32 count, count x { u64 address, u32 name offset, u32 name length | kind << 31 }
//   sorted by address (kind 1 = a MethodTable, 0 = a method), then the names (ASCII).
// ILC's symbols are mangled: "<assembly>_<namespace>_<type>__<method>" with '.' as '_', and
// "_ZTV<length><assembly>_<namespace>_<type>" for a MethodTable. The demangling strips the
// assembly and turns the type part's '_' back into '.'; an identifier with its own '_' comes out
// with a '.' there (a limit of the symbol names, not worth reflection metadata).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class MicroOSNameTable : Task
{
    [Required] public string Elf { get; set; }
    [Required] public string Output { get; set; }
    // The image's assemblies, e.g. "Probe;MicroOS.Runtime;MicroOS.Shared".
    [Required] public string Assemblies { get; set; }

    public override bool Execute()
    {
        byte[] elf = File.ReadAllBytes(Elf);
        string[] prefixes = Assemblies.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Trim().Replace('.', '_') + "_").OrderByDescending(p => p.Length).ToArray();
        var symbols = ReadSymbols(elf);
        ulong codeStart = symbols.Where(s => s.Name == "__managedcode_start").Select(s => s.Value).FirstOrDefault();
        ulong codeEnd = symbols.Where(s => s.Name == "__managedcode_end").Select(s => s.Value).FirstOrDefault();
        var entries = new SortedDictionary<ulong, (string Name, uint Kind)>();
        foreach (var s in symbols)
        {
            // An [UnmanagedCallersOnly] method also carries its export name ("ServerMain"): the
            // mangled one, which says where the method lives, wins.
            if (s.Type == 2 && s.Value >= codeStart && s.Value < codeEnd
                && !(entries.TryGetValue(s.Value, out var existing) && existing.Name.IndexOf('.') >= 0 && s.Name.IndexOf('_') < 0))
                entries[s.Value] = (DemangleMethod(s.Name, prefixes), 0u);
            else if (s.Name.StartsWith("_ZTV", StringComparison.Ordinal))
                entries[s.Value] = (DemangleType(StripLength(s.Name.Substring(4)), prefixes), 1u);
        }
        var names = new MemoryStream();
        var table = new BinaryWriter(new MemoryStream());
        table.Write(0x4D414E4Du);
        table.Write((uint)entries.Count);
        foreach (var e in entries)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(e.Value.Name);
            table.Write(e.Key);
            table.Write((uint)names.Length);
            table.Write((uint)bytes.Length | (e.Value.Kind << 31));
            names.Write(bytes, 0, bytes.Length);
        }
        table.Flush();
        using (var output = File.Create(Output))
        {
            ((MemoryStream)table.BaseStream).WriteTo(output);
            names.WriteTo(output);
        }
        Log.LogMessage(MessageImportance.Low, $"{Output}: {entries.Count} names, {names.Length} bytes of text");
        return true;
    }

    private struct Symbol
    {
        public string Name;
        public ulong Value;
        public int Type;
    }

    private static List<Symbol> ReadSymbols(byte[] elf)
    {
        var result = new List<Symbol>();
        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = (int)shoff + i * shentsize;
            if (BitConverter.ToUInt32(elf, sh + 4) != 2)        // SHT_SYMTAB
                continue;
            ulong offset = BitConverter.ToUInt64(elf, sh + 0x18);
            ulong size = BitConverter.ToUInt64(elf, sh + 0x20);
            int link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            int strtab = (int)BitConverter.ToUInt64(elf, (int)shoff + link * shentsize + 0x18);
            for (ulong p = offset; p + 24 <= offset + size; p += 24)
            {
                int nameOffset = (int)BitConverter.ToUInt32(elf, (int)p);
                int end = strtab + nameOffset;
                while (elf[end] != 0)
                    end++;
                result.Add(new Symbol
                {
                    Name = Encoding.ASCII.GetString(elf, strtab + nameOffset, end - strtab - nameOffset),
                    Type = elf[(int)p + 4] & 0xF,
                    Value = BitConverter.ToUInt64(elf, (int)p + 8),
                });
            }
        }
        return result;
    }

    private static string StripLength(string name)
    {
        int i = 0;
        while (i < name.Length && char.IsDigit(name[i]))
            i++;
        return name.Substring(i);
    }

    // "Probe_MicroOS_Servers_Probe_ProbeServer__Main" -> "MicroOS.Servers.Probe.ProbeServer.Main"
    private static string DemangleMethod(string name, string[] prefixes)
    {
        int split = LastTopLevel(name, "__");
        if (split <= 0)
            return DemangleType(name, prefixes);
        return DemangleType(name.Substring(0, split), prefixes) + "." + name.Substring(split + 2);
    }

    private static string DemangleType(string name, string[] prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name.Substring(prefix.Length);
                break;
            }
        }
        var result = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '<') depth++;
            if (c == '>') depth--;
            if (c == '_' && depth == 0)
            {
                // "Dictionary_2<...>": a generic arity, written `2 by C#'s tools.
                int j = i + 1;
                while (j < name.Length && char.IsDigit(name[j]))
                    j++;
                bool arity = j > i + 1 && (j == name.Length || name[j] == '<');
                result.Append(arity ? '`' : '.');
                continue;
            }
            result.Append(c);
        }
        return result.ToString();
    }

    private static int LastTopLevel(string name, string separator)
    {
        int depth = 0, found = -1;
        for (int i = 0; i + separator.Length <= name.Length; i++)
        {
            if (name[i] == '<') depth++;
            else if (name[i] == '>') depth--;
            else if (depth == 0 && string.CompareOrdinal(name, i, separator, 0, separator.Length) == 0)
            {
                found = i;
                i += separator.Length - 1;
            }
        }
        return found;
    }
}
