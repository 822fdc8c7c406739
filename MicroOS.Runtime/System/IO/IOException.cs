namespace System.IO
{
    // The base of every file error (FileSystem.ThrowFor maps the fat server's FsError onto these).
    public class IOException : SystemException
    {
        public IOException() : base("I/O error occurred.") { }
        public IOException(string message) : base(message) { }
        public override string TypeName => "System.IO.IOException";
    }
}
