using System;
using System.Globalization;
using System.IO;
using MicroOS.FileChecks;

// Usage: FileChecks.Host — runs the suite in a fresh temporary folder (removed afterwards), as the
// `filechecks` server runs it in a fresh folder of a fresh FAT image.
internal static unsafe class Program
{
    private static int Main()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.Out.NewLine = "\n";
        string temp = Path.Combine(Path.GetTempPath(), "microos-filechecks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            FileSuite.Run(Path.Combine(temp, "filechecks"), &Write);
        }
        finally
        {
            Directory.SetCurrentDirectory(Path.GetTempPath());
            Directory.Delete(temp, true);
        }
        return 0;
    }

    private static void Write(string line) => Console.WriteLine(line);
}
