using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MicroOS.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MicroOS.Tests.Boot;

// Power cuts (issue 17, 1c): the whole system boots on one FAT32 image, the shell runs a write
// workload (write, append across clusters, cp, mv, rm, sync), and QEMU is killed at a random instant.
// Then, on the host, fsck.fat -n may find nothing worse than lost clusters, the dirty bit and a stale
// free-cluster hint, and every file whose last change was followed by a completed `sync` reads back
// with the content the workload gave it. The same image carries on to the next round, so each boot
// also mounts a volume that was cut off. Rounds: MICROOS_POWERCUT_ROUNDS (default 50).
public sealed class PowerCutTests
{
    private readonly ITestOutputHelper _output;

    public PowerCutTests(ITestOutputHelper output) => _output = output;

    // What fsck.fat -n may say after a power cut; any other line is damage. "FATs differ" is a cut
    // between the first FAT's sector and its mirror's: the fat server writes the first copy first,
    // fsck (like every FAT reader) uses the first, and the rest of its report says whether the first
    // agrees with the directories (it must: any other line fails the round).
    private static readonly Regex[] Harmless =
    {
        new(@"^FATs differ but appear to be intact\.$"),
        new(@"^\s+Using first FAT\.$"),
        new(@"^fsck\.fat \d"),
        new(@"^Reclaimed \d+ unused clusters? \(\d+ bytes\)( in \d+ chains?)?\.$"),
        new(@"^Dirty bit is set\. Fs was not properly unmounted and some data may be corrupt\.$"),
        new(@"^ Automatically removing dirty bit\.$"),
        new(@"^Free cluster summary (wrong \(\d+ vs\. really \d+\)|uninitialized \(should be \d+\))$"),
        new(@"^\s+Auto-correcting\.$"),
        new(@"^Leaving filesystem unchanged\.$"),
        new(@"^\S+: \d+ files, \d+/\d+ clusters$"),
        new(@"^$"),
    };

    // A file whose chain is longer than its size: an append cut after its new cluster was linked in
    // the FAT (which goes first) and before its entry's new size was written. The bytes up to the
    // size are the file's; fsck frees the tail, as it reclaims lost clusters.
    private static readonly Regex LongChain = new(
        @"^(?<path>/\S.*)\n  File size is (?<size>\d+) bytes, cluster chain length is > \d+ bytes\.\n  Truncating file to \k<size> bytes\.\n", RegexOptions.Multiline);

    public static IReadOnlyList<string> Damage(string fsckReport) =>
        LongChain.Replace(fsckReport.Replace("\r", ""), "").Split('\n').Where(l => !Harmless.Any(h => h.IsMatch(l))).ToList();

    [Fact]
    public void FsckReportsAreClassified()
    {
        Assert.Empty(Damage("fsck.fat 4.2 (2021-01-31)\nReclaimed 1 unused cluster (512 bytes).\nDirty bit is set. Fs was not properly unmounted and some data may be corrupt.\n Automatically removing dirty bit.\n\nLeaving filesystem unchanged.\nx.img: 1 files, 2/66922 clusters\n"));
        Assert.Empty(Damage("fsck.fat 4.2 (2021-01-31)\n/PC/R5-13.TXT\n  File size is 472 bytes, cluster chain length is > 512 bytes.\n  Truncating file to 472 bytes.\nx.img: 27 files, 33/80628 clusters\n"));
        Assert.Equal(new[] { "/PC/A.TXT", "  File size is 1024 bytes, cluster chain length is 512 bytes.", "  Truncating file to 512 bytes." },
            Damage("fsck.fat 4.2 (2021-01-31)\n/PC/A.TXT\n  File size is 1024 bytes, cluster chain length is 512 bytes.\n  Truncating file to 512 bytes.\nx.img: 1 files, 2/66922 clusters\n"));
    }

    [Fact]
    public async Task SyncedFilesSurviveRandomPowerCutsAndFsckFindsNoDamage()
    {
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("MICROOS_POWERCUT_ROUNDS"), out int r) && r > 0 ? r : 50;
        using FatImage image = FatImage.Create(fatBits: 32, sizeBytes: 40L << 20, sectorsPerCluster: 1);   // 512-byte clusters: appends cross clusters often
        image.MakeDirectories("/pc");
        var random = new Random(1717);
        var synced = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);   // path -> content at the last completed sync
        int syncs = 0, commands = 0, cutsDuringWork = 0;

        for (int round = 0; round < rounds; round++)
        {
            var quiet = new LastLog();
            var workload = new Workload(round, random.Next(), synced);
            using (QemuMachine machine = QemuMachine.Boot(quiet, new QemuOptions { CommandLine = "quiet manifest=system", SerialConsole = true, Disk = image.Path }))
            {
                machine.WaitForConsoleLine(new Regex("^" + Regex.Escape(ShellTests.Banner) + "$"), timeout: TimeSpan.FromSeconds(120));
                var worker = Task.Run(() => workload.Run(machine));
                // A random instant of the workload: the commands take tens of milliseconds each.
                await Task.Delay(random.Next(50, 2500));
                machine.PowerCut();
                await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(30)));   // the cut ends the command in flight (Workload.Run catches it)
                if (workload.Error != null)
                    throw new Xunit.Sdk.XunitException($"round {round}: the workload failed before the cut: {workload.Error}\n{quiet.Text}");
                cutsDuringWork += workload.Running ? 1 : 0;
            }
            syncs += workload.Syncs;
            commands += workload.Commands;

            (bool clean, string report) = image.Check();
            IReadOnlyList<string> damage = Damage(report);
            Assert.True(damage.Count == 0, $"round {round}: fsck.fat -n found damage after the cut:\n{report}\nlast commands: {workload.Last}");

            // Every file synced and not changed since reads back as synced.
            foreach ((string path, string content) in workload.Synced)
            {
                Assert.True(image.Exists(path), $"round {round}: {path} was synced but is gone");
                string got = Encoding.UTF8.GetString(image.Read(path));
                Assert.True(got == content, $"round {round}: {path} was synced with {content.Length} bytes (sha {Sha(content)}) but reads back {got.Length} bytes (sha {Sha(got)})");
            }
            // What the host reads is what the next round starts from.
            synced.Clear();
            foreach (string name in image.List("/pc"))
                if (!name.EndsWith('/'))
                    synced["/pc/" + name] = Encoding.UTF8.GetString(image.Read("/pc/" + name));
            _output.WriteLine($"round {round}: {workload.Commands} commands, {workload.Syncs} syncs, {workload.Synced.Count} synced files checked, fsck: {(clean ? "clean" : "lost clusters / dirty bit only")}");
        }
        _output.WriteLine($"power cuts: {rounds}, commands {commands}, syncs {syncs}, cuts during a command {cutsDuringWork}; fsck damage 0, synced files lost 0");
        Assert.True(syncs > rounds / 2, $"the workload completed only {syncs} syncs in {rounds} rounds: the cuts came too early to test anything");
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    // The shell's workload of one round, and the model of what each file holds.
    private sealed class Workload(int round, int seed, Dictionary<string, string> start)
    {
        private readonly Random _random = new(seed);
        private readonly Dictionary<string, string> _model = new(start, StringComparer.OrdinalIgnoreCase);
        private volatile bool _running;

        public Dictionary<string, string> Synced { get; private set; } = new(start, StringComparer.OrdinalIgnoreCase);
        public int Commands, Syncs;
        public string? Error;
        public string Last = "";
        public bool Running => _running;

        public void Run(QemuMachine machine)
        {
            try
            {
                for (int i = 0; ; i++)
                {
                    string command = Next(i, out Action apply, out string[] touched);
                    Last = command;
                    // From the moment a command starts, the files it changes may hold anything the
                    // cut leaves; only files no command touched since the last sync are checked.
                    foreach (string path in touched)
                        Synced.Remove(path);
                    _running = true;
                    List<string> output = ShellTests.Run(machine, command);
                    _running = false;
                    if (output.Count != 0)
                    {
                        Error = $"`{command}` printed: {string.Join(" | ", output)}";
                        return;
                    }
                    apply();
                    Commands++;
                }
            }
            catch (Exception) when (Error == null)
            {
                // The power cut: QEMU is gone, the command in flight never completed.
            }
        }

        private string Next(int i, out Action apply, out string[] touched)
        {
            touched = Array.Empty<string>();
            var files = _model.Keys.ToList();
            int pick = _random.Next(100);
            if (i % 4 == 3 || pick < 10)
            {
                apply = () =>
                {
                    Syncs++;
                    Synced = new Dictionary<string, string>(_model, StringComparer.OrdinalIgnoreCase);
                };
                return "sync";
            }
            string text = Text();
            if (files.Count == 0 || pick < 30)
            {
                string path = $"/pc/r{round}-{i}.txt";
                touched = new[] { path };
                apply = () => Change(path, text + "\n");
                return $"write {path} {text}";
            }
            string file = files[_random.Next(files.Count)];
            if (pick < 75)
            {
                touched = new[] { file };
                apply = () => Change(file, _model[file] + text + "\n");
                return $"append {file} {text}";
            }
            if (pick < 85)
            {
                string copy = $"/pc/c{round}-{i}.txt";
                string content = _model[file];
                touched = new[] { copy };
                apply = () => Change(copy, content);
                return $"cp {file} {copy}";
            }
            if (pick < 93)
            {
                string moved = $"/pc/m{round}-{i}.txt";
                string content = _model[file];
                touched = new[] { file, moved };
                apply = () => { Remove(file); Change(moved, content); };
                return $"mv {file} {moved}";
            }
            touched = new[] { file };
            apply = () => Remove(file);
            return $"rm {file}";
        }

        private void Change(string path, string content) => _model[path] = content;

        private void Remove(string path) => _model.Remove(path);

        private string Text()
        {
            int length = _random.Next(20, 170);
            var sb = new StringBuilder(length);
            for (int k = 0; k < length; k++)
                sb.Append((char)('a' + _random.Next(26)));
            return sb.ToString();
        }
    }

    // Keeps only the last machine's log (50 rounds of serial logs would drown the report).
    private sealed class LastLog : ITestOutputHelper
    {
        private readonly StringBuilder _text = new();
        public string Text => _text.ToString();
        public void WriteLine(string message) => _text.AppendLine(message);
        public void WriteLine(string format, params object[] args) => _text.AppendLine(string.Format(format, args));
    }
}
