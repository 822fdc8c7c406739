namespace System
{
    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException(string objectName) : this(objectName, "Cannot access a disposed object.") { }
        public ObjectDisposedException(string objectName, string message)
            : base(objectName == null ? message : string.Concat(message, "\nObject name: '", objectName, "'."))
        {
            ObjectName = objectName;
        }
        public string ObjectName { get; }
        public override string TypeName => "System.ObjectDisposedException";
    }
}
