namespace System.IO
{
    public class DirectoryNotFoundException : IOException
    {
        public DirectoryNotFoundException() : base("Attempted to access a path that is not on the disk.") { }
        public DirectoryNotFoundException(string message) : base(message) { }
        public override string TypeName => "System.IO.DirectoryNotFoundException";
    }
}
