using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// The shell's `capgraph` (MicroOS.Servers/Shell/CapGraphCommand.cs) on the default system (`manifest=system`)
// against MicroOS.Build/boot-manifest.txt's [system] section, parsed here: every capability a caps= line
// grants is one edge in the slot the line gives it (slot 1 first), to the right target (an endpoint or
// notification to the process with `r` on that name, init if none; a device to itself; a Process cap to
// that process), with its rights and badge; the same name is the same kernel object for every holder;
// no edge in a manifest slot is extra; what a process holds beyond its grants is a copy of a named
// endpoint or an object of its own, never a device or Process cap; slots past 32 are marked run-time. The DOT
// between the marker lines is valid for Graphviz (`dot`, which the setup installs).
public sealed class CapGraphTests
{
    private static readonly Regex Edge =
        new(@"^(?<holder>[a-z-]+) -> (?<target>\S+) (?<object>[a-z]+(#\d+|:[0-9a-f]+(\+\d+)?)) (?<rights>[r-][w-][g-][m-]) badge (?<badge>\d+) slot (?<slot>\d+)(?<runtime> run-time)?$");
    private const int ManifestSlots = 32;       // ManifestCaps.MaxItems: slots past it are the process's own

    private readonly ITestOutputHelper _output;

    public CapGraphTests(ITestOutputHelper output) => _output = output;

    private sealed record Grant(string Holder, int Slot, string Kind, string Name, string Rights, ulong Badge);

    // The caps= of every line of [system] (init's line, above the sections, grants none).
    private static List<Grant> SystemGrants()
    {
        var grants = new List<Grant>();
        bool inSystem = false;
        foreach (string raw in File.ReadAllLines(Path.Combine(RepoPaths.Root, "MicroOS.Build", "boot-manifest.txt")))
        {
            string line = raw.Trim();
            if (line.StartsWith('['))
            {
                inSystem = line.StartsWith("[system]", StringComparison.Ordinal);
                continue;
            }
            if (!inSystem || line.Length == 0 || line.StartsWith('#'))
                continue;
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string? caps = fields.FirstOrDefault(f => f.StartsWith("caps=", StringComparison.Ordinal));
            if (caps == null)
                continue;
            int slot = 1;
            foreach (string item in caps["caps=".Length..].Split(','))
            {
                string[] parts = item.Split(':');
                grants.Add(new Grant(fields[0], slot++, parts[0], parts[1], parts.Length > 2 ? parts[2] : "", parts.Length > 3 ? ulong.Parse(parts[3]) : 0));
            }
        }
        return grants;
    }

    private static string Rights(string r) =>
        string.Concat(r.Contains('r') ? "r" : "-", r.Contains('w') ? "w" : "-", r.Contains('g') ? "g" : "-", r.Contains('m') ? "m" : "-");

    [Fact]
    public void TheGraphOfTheDefaultSystemIsItsManifest()
    {
        using QemuMachine machine = ShellTests.BootSystem(_output);
        // ata and fat start late; their registrations say they run.
        machine.WaitForLine("[names] names: registered fat");
        machine.WaitForLine("[names] names: registered ata");
        List<string> lines = ShellTests.Run(machine, "capgraph");
        _output.WriteLine(string.Join("\n", lines));

        List<Grant> grants = SystemGrants();
        Assert.NotEmpty(grants);
        var pids = new Dictionary<string, int>();
        foreach (string line in lines.Where(l => l.StartsWith("process ", StringComparison.Ordinal)))
        {
            Match p = Regex.Match(line, @"^process (\d+) ([a-z-]+)$");
            Assert.True(p.Success, $"a process the supervisor cannot read, or a bad line: '{line}'");
            pids.Add(p.Groups[2].Value, int.Parse(p.Groups[1].Value));
        }
        foreach (string holder in grants.Select(g => g.Holder).Distinct().Append("init"))
            Assert.True(pids.ContainsKey(holder), $"capgraph lists no process {holder}");

        int dot = lines.IndexOf("--- capgraph dot begin ---");
        Assert.True(dot > 0, "no DOT begin marker");
        var edges = lines.Take(dot).Where(l => l.Contains(" -> ")).Select(l =>
        {
            Match m = Edge.Match(l);
            Assert.True(m.Success, $"not an edge line: '{l}'");
            return m;
        }).ToList();

        // A process's first slots (as many as its caps= items): exactly the grants, in their slots.
        int Granted(string holder) => grants.Count(g => g.Holder == holder);
        var manifestEdges = edges.Where(e => int.Parse(e.Groups["slot"].Value) <= Granted(e.Groups["holder"].Value)).ToList();
        Assert.All(manifestEdges, e => Assert.False(e.Groups["runtime"].Success, $"slot {e.Groups["slot"].Value} of {e.Groups["holder"].Value} is marked run-time"));
        // Slots past the manifest's 32 are the process's own (Caps.NewSlot): marked run-time.
        Assert.All(edges.Where(e => int.Parse(e.Groups["slot"].Value) > ManifestSlots), e => Assert.True(e.Groups["runtime"].Success, $"'{e.Value}' is past the manifest's slots but not marked run-time"));
        var objects = new Dictionary<(string, string), string>();
        var expected = new List<string>();
        foreach (Grant g in grants)
        {
            Match? e = manifestEdges.FirstOrDefault(m => m.Groups["holder"].Value == g.Holder && int.Parse(m.Groups["slot"].Value) == g.Slot);
            Assert.True(e != null, $"no edge for {g.Holder}'s slot {g.Slot} ({g.Kind}:{g.Name})");
            string obj = e.Groups["object"].Value, target = e.Groups["target"].Value;
            switch (g.Kind)
            {
                case "ep":
                case "ntfn":
                {
                    Assert.Matches((g.Kind == "ep" ? "^endpoint#" : "^notification#") + @"\d+$", obj);
                    // One name, one object; the target receives on it.
                    if (objects.TryGetValue((g.Kind, g.Name), out string? seen))
                        Assert.Equal(seen, obj);
                    else
                        objects.Add((g.Kind, g.Name), obj);
                    Assert.DoesNotContain(objects, o => o.Value == obj && o.Key != (g.Kind, g.Name));
                    string receiver = grants.FirstOrDefault(x => x.Kind == g.Kind && x.Name == g.Name && x.Rights.Contains('r'))?.Holder ?? "init";
                    Assert.Equal(receiver, target);
                    Assert.Equal(Rights(g.Rights), e.Groups["rights"].Value);
                    break;
                }
                case "proc":
                    Assert.Equal($"process#{pids[g.Name]}", obj);
                    Assert.Equal(g.Name, target);
                    Assert.Equal(Rights(g.Rights), e.Groups["rights"].Value);
                    break;
                case "io":
                case "irq":
                case "mmio":
                {
                    // Devices are lent as Init holds them (InitServer: process_cap_lend), whatever rights the line says.
                    string device = (g.Kind == "io" ? "ioports:" : g.Kind == "irq" ? "irq:" : "frame:") + g.Name;
                    Assert.Equal(device, obj);
                    Assert.Equal(device, target);
                    break;
                }
                case "trace":
                    // The kernel's IPC trace ring (issue 20): one object, no process behind it; the
                    // item is `trace:RIGHTS`, no name.
                    Assert.Matches(@"^trace#\d+$", obj);
                    Assert.Equal(obj, target);
                    Assert.Equal(Rights(g.Name), e.Groups["rights"].Value);
                    break;
                default:
                    Assert.Fail($"a grant kind the test does not know: {g.Kind}");
                    break;
            }
            Assert.Equal(g.Badge.ToString(), e.Groups["badge"].Value);
            expected.Add($"{g.Holder}/{g.Slot}");
        }
        // None extra.
        Assert.Equal(expected.Order(StringComparer.Ordinal), manifestEdges.Select(e => $"{e.Groups["holder"].Value}/{e.Groups["slot"].Value}").Order(StringComparer.Ordinal));
        // What a process holds beyond its grants it made or was sent at run time: a copy of a named
        // endpoint (Names' registrations, the supervisor's lookups, fat's badged copy of its own), or
        // an object of its own (a notification it waits on, a frame): never a device or a Process
        // cap, which only a manifest line grants.
        foreach (Match e in edges.Except(manifestEdges))
        {
            string obj = e.Groups["object"].Value;
            Assert.True(obj.StartsWith("endpoint#", StringComparison.Ordinal) || obj.StartsWith("notification#", StringComparison.Ordinal) || obj.StartsWith("frame#", StringComparison.Ordinal),
                $"a capability no manifest line granted: '{e.Value}'");
            if (!objects.ContainsValue(obj) && !obj.StartsWith("frame#", StringComparison.Ordinal))
                Assert.Equal(e.Groups["holder"].Value, e.Groups["target"].Value);     // its own object: it receives on it
        }

        // The DOT, through Graphviz.
        int end = lines.IndexOf("--- capgraph dot end ---");
        Assert.True(end > dot, "no DOT end marker");
        string dotText = string.Join("\n", lines.Skip(dot + 1).Take(end - dot - 1));
        Assert.StartsWith("digraph capgraph {", dotText);
        Assert.Contains("\"shell\" -> \"console\"", dotText);
        string file = Path.Combine(Path.GetTempPath(), $"capgraph-{Environment.ProcessId}.dot");
        File.WriteAllText(file, dotText);
        try
        {
            HostCommand.Run(_output, Path.GetTempPath(), TimeSpan.FromMinutes(1), "dot", "-Tsvg", "-o", file + ".svg", file);
            Assert.Contains("<svg", File.ReadAllText(file + ".svg"));
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".svg");
        }
    }
}
