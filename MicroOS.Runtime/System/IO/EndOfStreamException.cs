namespace System.IO
{
    public class EndOfStreamException : IOException
    {
        public EndOfStreamException() : base("Unable to read beyond the end of the stream.") { }
        public EndOfStreamException(string message) : base(message) { }
        public override string TypeName => "System.IO.EndOfStreamException";
    }
}
