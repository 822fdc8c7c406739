namespace System.IO
{
    // .NET's Stream, as far as MicroOS's streams need it: the array methods are the ones a stream
    // implements; the span methods, ReadByte/WriteByte, ReadExactly and CopyTo are written once here
    // on top of them. Dispose() calls Dispose(true), so `using` closes a FileStream.
    public abstract class Stream : IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }

        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract void Write(byte[] buffer, int offset, int count);
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract void Flush();

        public virtual int Read(Span<byte> buffer)
        {
            byte[] array = new byte[buffer.Length];
            int n = Read(array, 0, array.Length);
            new ReadOnlySpan<byte>(array, 0, n).CopyTo(buffer);
            return n;
        }

        public virtual void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        // -1 at the end of the stream.
        public virtual int ReadByte()
        {
            byte[] one = new byte[1];
            return Read(one, 0, 1) == 0 ? -1 : one[0];
        }

        public virtual void WriteByte(byte value) => Write(new[] { value }, 0, 1);

        public void ReadExactly(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = Read(buffer, offset, count);
                if (n == 0)
                    throw new EndOfStreamException();
                offset += n;
                count -= n;
            }
        }

        public void CopyTo(Stream destination) => CopyTo(destination, 81920);

        public virtual void CopyTo(Stream destination, int bufferSize)
        {
            if (destination == null)
                throw new ArgumentNullException("destination");
            byte[] buffer = new byte[bufferSize];
            int n;
            while ((n = Read(buffer, 0, buffer.Length)) > 0)
                destination.Write(buffer, 0, n);
        }

        public virtual void Close()
        {
            Dispose(true);
        }

        public void Dispose() => Close();

        protected virtual void Dispose(bool disposing) { }

        // The argument checks every Read/Write(byte[], int, int) makes first, with .NET's exceptions.
        protected static void ValidateBufferArguments(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            if (offset < 0)
                throw new ArgumentOutOfRangeException("offset", "Non-negative number required.");
            if ((uint)count > (uint)(buffer.Length - offset))
                throw new ArgumentOutOfRangeException("count", "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        }
    }
}
