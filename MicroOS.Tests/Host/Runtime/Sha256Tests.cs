extern alias mos;
using Xunit;
using MosSha256 = mos::System.Security.Cryptography.SHA256;

namespace MicroOS.Tests.Host.Runtime;

// MicroOS.Runtime's SHA-256 (the shell's `sum`) against the BCL's: every length around the padding
// boundaries (55, 56, 63, 64 ...), random contents, and a stream read in pieces.
public sealed class Sha256Tests
{
    [Fact]
    public void EqualsTheBclsForEveryLengthUpTo300()
    {
        var random = new Random(13);
        for (int length = 0; length <= 300; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data)), Convert.ToHexString(MosSha256.HashData(data)));
        }
    }

    [Fact]
    public void KnownVectors()
    {
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Convert.ToHexString(MosSha256.HashData(Array.Empty<byte>())));
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Convert.ToHexString(MosSha256.HashData("abc"u8.ToArray())));
    }

    [Fact]
    public void AStreamHashesAsItsBytesDo()
    {
        byte[] data = new byte[1_000_003];
        new Random(7).NextBytes(data);
        using var stream = new MosStream(data);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data)), Convert.ToHexString(MosSha256.HashData(stream)));
    }

    // The linked SHA256.cs reads a System.IO.Stream of the host's BCL (the runtime's Stream is not linked).
    private sealed class MosStream : MemoryStream
    {
        public MosStream(byte[] data) : base(data) { }
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));
    }
}
