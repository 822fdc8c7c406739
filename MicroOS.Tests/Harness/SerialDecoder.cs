namespace MicroOS.Tests.Harness;

// Turns the raw serial byte stream into lines: split at '\n', drop every '\r' (the kernel writes
// CRLF; OVMF and GRUB also emit bare CRs to redraw a line). Bytes map 1:1 to chars (Latin-1), so a
// stray non-UTF-8 byte cannot make the decoder swallow neighbouring characters.
internal sealed class SerialDecoder
{
    private readonly Action<string> _emit;
    private readonly System.Text.StringBuilder _current = new();

    public SerialDecoder(Action<string> emit) => _emit = emit;

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b == (byte)'\n')
            {
                _emit(_current.ToString());
                _current.Clear();
            }
            else if (b != (byte)'\r')
            {
                _current.Append((char)b);
            }
        }
    }

    // End of stream: a last line without its newline still counts.
    public void Flush()
    {
        if (_current.Length > 0)
            _emit(_current.ToString());
        _current.Clear();
    }
}
