using System;
using System.Globalization;
using MicroOS.Conformance;

// Usage: Conformance.Host <seed> [exceptions] — the same arguments as the server's manifest line.
internal static unsafe class Program
{
    private static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.Out.NewLine = "\n";
        Suite.Run(string.Join(" ", args), &Write);
        return 0;
    }

    private static void Write(string line) => Console.WriteLine(line);
}
