using MicroOS.Kernel.Boot;
using Xunit;

namespace MicroOS.Tests.Host;

// The kernel command line parser (MicroOS.Kernel/Boot/KernelCommandLine.cs, linked into this assembly).
public sealed class KernelCommandLineTests
{
    [Fact]
    public void KnownOptionsAreParsedAsFlagsOrKeyValuePairs()
    {
        var cmdline = new KernelCommandLine("exit test=divide quiet");

        Assert.True(cmdline.Has("exit"));
        Assert.Equal("", cmdline.Get("exit"));
        Assert.Equal("divide", cmdline.Get("test"));
        Assert.True(cmdline.Has("quiet"));
        Assert.Empty(cmdline.Unknown);
    }

    [Fact]
    public void UnknownWordsAreKeptWholeAndInOrder()
    {
        var cmdline = new KernelCommandLine("frob exit color=blue test=gpf EXIT");

        Assert.Equal(new[] { "frob", "color=blue", "EXIT" }, cmdline.Unknown);
        Assert.False(cmdline.Has("frob"));
        Assert.Null(cmdline.Get("color"));
        Assert.Equal("gpf", cmdline.Get("test"));
    }

    [Fact]
    public void ExtraSpacesAreIgnored()
    {
        var cmdline = new KernelCommandLine("   exit    test=panic  ");

        Assert.True(cmdline.Has("exit"));
        Assert.Equal("panic", cmdline.Get("test"));
        Assert.Empty(cmdline.Unknown);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyCommandLineHasNoOptions(string? text)
    {
        var cmdline = new KernelCommandLine(text!);

        foreach (string option in KernelCommandLine.KnownOptions)
        {
            Assert.False(cmdline.Has(option));
            Assert.Null(cmdline.Get(option));
        }
        Assert.Empty(cmdline.Unknown);
    }

    [Fact]
    public void ValueKeepsEverythingAfterTheFirstEqualsSign()
    {
        Assert.Equal("a=b", new KernelCommandLine("test=a=b").Get("test"));
    }

    [Fact]
    public void LaterOccurrenceOfAnOptionWins()
    {
        Assert.Equal("gpf", new KernelCommandLine("test=divide test=gpf").Get("test"));
    }
}
