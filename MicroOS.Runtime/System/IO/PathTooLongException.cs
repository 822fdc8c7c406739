namespace System.IO
{
    public class PathTooLongException : IOException
    {
        public PathTooLongException() : base("The specified file name or path is too long, or a component of the specified path is too long.") { }
        public PathTooLongException(string message) : base(message) { }
        public override string TypeName => "System.IO.PathTooLongException";
    }
}
