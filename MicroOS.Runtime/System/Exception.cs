namespace System
{
    // Thrown and caught through Internal.Runtime.ExceptionHandling; an unhandled one is reported
    // with its type's full name, Message and the method that threw it.
    public class Exception
    {
        private readonly string _message;
        internal ulong _throwIp;        // where it was last thrown (a rethrow keeps it)

        public Exception() { }
        public Exception(string message) { _message = message; }
        public Exception(string message, Exception innerException) { _message = message; InnerException = innerException; }

        public virtual string Message => _message ?? string.Concat("Exception of type '", TypeName, "' was thrown.");
        public Exception InnerException { get; }

        // The full name of the exception's type, from the image's name table (SymbolNames.cs); a
        // runtime type may also name itself, for images built without the table.
        public virtual string TypeName => Internal.Runtime.SymbolNames.TypeNameOf(this) ?? "System.Exception";

        public override string ToString() => string.Concat(TypeName, ": ", Message);
    }

    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) : base(message) { }
        public SystemException(string message, Exception innerException) : base(message, innerException) { }
        public override string TypeName => "System.SystemException";
    }

    public partial class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) : base(message) { }
        public ArgumentException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentException(string message, string paramName) : base(string.Concat(message, " (Parameter '", paramName, "')")) { }
        public override string TypeName => "System.ArgumentException";
    }

    public partial class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() : base("Value cannot be null.") { }
        public ArgumentNullException(string paramName) : base("Value cannot be null.", paramName) { }
        public override string TypeName => "System.ArgumentNullException";
    }

    public partial class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") { }
        public ArgumentOutOfRangeException(string paramName) : base("Specified argument was out of the range of valid values.", paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) { }
        public override string TypeName => "System.ArgumentOutOfRangeException";
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) : base(message) { }
        public InvalidOperationException(string message, Exception innerException) : base(message, innerException) { }
        public override string TypeName => "System.InvalidOperationException";
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) : base(message) { }
        public override string TypeName => "System.NotSupportedException";
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) : base(message) { }
        public override string TypeName => "System.NotImplementedException";
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") { }
        public override string TypeName => "System.IndexOutOfRangeException";
    }

    public class NullReferenceException : SystemException
    {
        public NullReferenceException() : base("Object reference not set to an instance of an object.") { }
        public override string TypeName => "System.NullReferenceException";
    }

    public class InvalidCastException : SystemException
    {
        public InvalidCastException() : base("Specified cast is not valid.") { }
        public override string TypeName => "System.InvalidCastException";
    }

    public class ArrayTypeMismatchException : SystemException
    {
        public ArrayTypeMismatchException() : base("Attempted to access an element as a type incompatible with the array.") { }
        public override string TypeName => "System.ArrayTypeMismatchException";
    }

    public class OverflowException : ArithmeticException
    {
        public OverflowException() : base("Arithmetic operation resulted in an overflow.") { }
        public OverflowException(string message) : base(message) { }
        public override string TypeName => "System.OverflowException";
    }

    public class DivideByZeroException : ArithmeticException
    {
        public DivideByZeroException() : base("Attempted to divide by zero.") { }
        public DivideByZeroException(string message) : base(message) { }
        public override string TypeName => "System.DivideByZeroException";
    }

    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") { }
        public override string TypeName => "System.OutOfMemoryException";
    }

    public class FormatException : SystemException
    {
        public FormatException() : base("One of the identified items was in an invalid format.") { }
        public FormatException(string message) : base(message) { }
        public override string TypeName => "System.FormatException";
    }

    public class PlatformNotSupportedException : NotSupportedException
    {
        public PlatformNotSupportedException() : base("Operation is not supported on this platform.") { }
        public override string TypeName => "System.PlatformNotSupportedException";
    }

}

namespace System.Collections.Generic
{
    public class KeyNotFoundException : SystemException
    {
        public KeyNotFoundException(string message) : base(message) { }
        public override string TypeName => "System.Collections.Generic.KeyNotFoundException";
    }
}
