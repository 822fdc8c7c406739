namespace System
{
    // Access denied: a read-only file, a handle without the access, a directory opened as a file.
    public class UnauthorizedAccessException : SystemException
    {
        public UnauthorizedAccessException() : base("Attempted to perform an unauthorized operation.") { }
        public UnauthorizedAccessException(string message) : base(message) { }
        public override string TypeName => "System.UnauthorizedAccessException";
    }
}
