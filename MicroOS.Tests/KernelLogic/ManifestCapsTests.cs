using MicroOS.Shared.Manifest;
using MicroOS.Shared.Abi;
using Xunit;

namespace MicroOS.Tests.KernelLogic;

// The boot manifest's `caps=` word (MicroOS.Shared/Manifest/ManifestCaps.cs).
public sealed class ManifestCapsTests
{
    [Fact]
    public void EveryKindParses()
    {
        string list = ManifestCaps.Find("ipc serial-driver caps=io:3f8+8:rw,irq:4:rwm,ep:serial:rwg:7,ntfn:n:w,mmio:b8000+1:r,proc:init:m,faultep:f other")!;
        Assert.Equal("io:3f8+8:rw,irq:4:rwm,ep:serial:rwg:7,ntfn:n:w,mmio:b8000+1:r,proc:init:m,faultep:f", list);
        var specs = new List<CapSpec>();
        Assert.Null(ManifestCaps.Parse(list, specs));
        Assert.Equal(7, specs.Count);
        Assert.Equal((CapSpecKind.IoPorts, 0x3F8UL, 8UL, CapRights.Read | CapRights.Write), (specs[0].Kind, specs[0].Base, specs[0].Count, specs[0].Rights));
        Assert.Equal((CapSpecKind.Irq, 4UL, CapRights.Read | CapRights.Write | CapRights.Manage), (specs[1].Kind, specs[1].Base, specs[1].Rights));
        Assert.Equal((CapSpecKind.Endpoint, "serial", 7UL, CapRights.Read | CapRights.Write | CapRights.Grant), (specs[2].Kind, specs[2].Name, specs[2].Badge, specs[2].Rights));
        Assert.Equal((CapSpecKind.Notification, "n", CapRights.Write), (specs[3].Kind, specs[3].Name, specs[3].Rights));
        Assert.Equal((CapSpecKind.Mmio, 0xB8000UL, 1UL), (specs[4].Kind, specs[4].Base, specs[4].Count));
        Assert.Equal((CapSpecKind.Process, "init", CapRights.Manage), (specs[5].Kind, specs[5].Name, specs[5].Rights));
        Assert.Equal((CapSpecKind.FaultEndpoint, "f", CapRights.Write), (specs[6].Kind, specs[6].Name, specs[6].Rights));
    }

    [Theory]
    [InlineData("ep")]
    [InlineData("ep:")]
    [InlineData("disk:x")]
    [InlineData("irq:16")]
    [InlineData("irq:x")]
    [InlineData("io:3f8")]
    [InlineData("io:fff0+100")]
    [InlineData("mmio:b8001+1")]
    [InlineData("mmio:b8000+65")]
    [InlineData("ep:a:rwx")]
    [InlineData("ep:a:rw:0")]
    [InlineData("io:3f8+8:rw:5")]
    [InlineData("ep:a:rw:5:9")]
    public void MalformedItemsAreRefusedWithAReason(string item)
    {
        var specs = new List<CapSpec>();
        Assert.NotNull(ManifestCaps.Parse(item, specs));
    }

    [Fact]
    public void SpawnNamesAManifestEntry()
    {
        var specs = new List<CapSpec>();
        Assert.Null(ManifestCaps.Parse("spawn:pong:w,spawn:ping-last", specs));
        Assert.Equal((CapSpecKind.Spawn, "pong", CapRights.Write), (specs[0].Kind, specs[0].Name, specs[0].Rights));
        Assert.Equal((CapSpecKind.Spawn, "ping-last", CapRights.All), (specs[1].Kind, specs[1].Name, specs[1].Rights));
    }

    [Fact]
    public void NoCapsWordMeansNone()
    {
        Assert.Null(ManifestCaps.Find("busy a"));
        Assert.Null(ManifestCaps.Find("xcaps=ep:a"));
        Assert.Null(ManifestCaps.Find(null!));
    }
}
