using System.Runtime.CompilerServices;

namespace System
{
    // The exception types and throw helpers .NET code reaches for beyond the basic ones in
    // Exception.cs: ArgumentNullException.ThrowIfNull and friends (messages as .NET's), a failed
    // static constructor, a disposed object, the arithmetic base class.
    public class ArithmeticException : SystemException
    {
        public ArithmeticException() : base("Overflow or underflow in the arithmetic operation.") { }
        public ArithmeticException(string message) : base(message) { }
        public override string TypeName => "System.ArithmeticException";
    }

    public class RankException : SystemException
    {
        public RankException() : base("Attempted to operate on an array with the incorrect number of dimensions.") { }
        public RankException(string message) : base(message) { }
        public override string TypeName => "System.RankException";
    }

    // A static constructor threw (ClassConstructorRunner): InnerException is what it threw. MicroOS
    // keeps no type names, so TypeName (the failed type) is null and the message does not name it.
    public sealed class TypeInitializationException : SystemException
    {
        public TypeInitializationException(string fullTypeName, Exception innerException)
            : base(fullTypeName == null ? "A type initializer threw an exception." : string.Concat("The type initializer for '", fullTypeName, "' threw an exception."), innerException)
        {
            FailedTypeName = fullTypeName;
        }

        public string FailedTypeName { get; }
        public override string TypeName => "System.TypeInitializationException";
    }

    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException(string objectName) : this(objectName, "Cannot access a disposed object.") { }

        public ObjectDisposedException(string objectName, string message)
            : base(objectName == null || objectName.Length == 0 ? message : string.Concat(message, "\nObject name: '", objectName, "'."))
        {
            ObjectName = objectName ?? "";
        }

        public string ObjectName { get; }
        public override string TypeName => "System.ObjectDisposedException";

        public static void ThrowIf(bool condition, object instance)
        {
            if (condition) throw new ObjectDisposedException(instance == null ? null : TypeNameOf(instance));
        }

        public static void ThrowIf(bool condition, Type type)
        {
            if (condition) throw new ObjectDisposedException(type == null ? null : type.FullName);
        }

        private static string TypeNameOf(object instance) => instance.GetType().FullName;
    }

    public partial class ArgumentNullException
    {
        public ArgumentNullException(string paramName, string message) : base(message, paramName) { }

        public static void ThrowIfNull(object argument, [CallerArgumentExpression("argument")] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
        }

        public static unsafe void ThrowIfNull(void* argument, [CallerArgumentExpression("argument")] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
        }
    }

    public partial class ArgumentException
    {
        public static void ThrowIfNullOrEmpty(string argument, [CallerArgumentExpression("argument")] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
            if (argument.Length == 0) throw new ArgumentException("The value cannot be an empty string.", paramName);
        }

        public static void ThrowIfNullOrWhiteSpace(string argument, [CallerArgumentExpression("argument")] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
            if (string.IsNullOrWhiteSpace(argument)) throw new ArgumentException("The value cannot be an empty string or composed entirely of whitespace.", paramName);
        }
    }

    // .NET declares these over generic math (INumberBase<T>, IComparable<T>); MicroOS has no generic
    // math, so zero is default(T) and the comparisons go through IComparable<T>.
    public partial class ArgumentOutOfRangeException
    {
        public ArgumentOutOfRangeException(string paramName, object actualValue, string message) : base(message, paramName)
        {
            ActualValue = actualValue;
        }

        public virtual object ActualValue { get; }

        public override string Message =>
            ActualValue == null ? base.Message : string.Concat(base.Message, "\nActual value was ", ActualValue.ToString(), ".");

        private static void Throw(object value, string paramName, string what) =>
            throw new ArgumentOutOfRangeException(paramName, value, string.Concat(paramName, " ('", value?.ToString(), "') ", what));

        public static void ThrowIfZero<T>(T value, [CallerArgumentExpression("value")] string paramName = null) where T : IEquatable<T>
        {
            if (value.Equals(default)) Throw(value, paramName, "must be a non-zero value.");
        }

        public static void ThrowIfNegative<T>(T value, [CallerArgumentExpression("value")] string paramName = null) where T : IComparable<T>
        {
            if (value.CompareTo(default) < 0) Throw(value, paramName, "must be a non-negative value.");
        }

        public static void ThrowIfNegativeOrZero<T>(T value, [CallerArgumentExpression("value")] string paramName = null) where T : IComparable<T>
        {
            if (value.CompareTo(default) <= 0) Throw(value, paramName, "must be a non-negative and non-zero value.");
        }

        public static void ThrowIfEqual<T>(T value, T other, [CallerArgumentExpression("value")] string paramName = null) where T : IEquatable<T>
        {
            if (value == null ? other == null : value.Equals(other)) Throw(value, paramName, string.Concat("must not be equal to '", other?.ToString(), "'."));
        }

        public static void ThrowIfNotEqual<T>(T value, T other, [CallerArgumentExpression("value")] string paramName = null) where T : IEquatable<T>
        {
            if (!(value == null ? other == null : value.Equals(other))) Throw(value, paramName, string.Concat("must be equal to '", other?.ToString(), "'."));
        }

        public static void ThrowIfGreaterThan<T>(T value, T other, [CallerArgumentExpression("value")] string paramName = null) where T : IComparable<T>
        {
            if (value.CompareTo(other) > 0) Throw(value, paramName, string.Concat("must be less than or equal to '", other.ToString(), "'."));
        }

        public static void ThrowIfGreaterThanOrEqual<T>(T value, T other, [CallerArgumentExpression("value")] string paramName = null) where T : IComparable<T>
        {
            if (value.CompareTo(other) >= 0) Throw(value, paramName, string.Concat("must be less than '", other.ToString(), "'."));
        }

        public static void ThrowIfLessThan<T>(T value, T other, [CallerArgumentExpression("value")] string paramName = null) where T : IComparable<T>
        {
            if (value.CompareTo(other) < 0) Throw(value, paramName, string.Concat("must be greater than or equal to '", other.ToString(), "'."));
        }

        public static void ThrowIfLessThanOrEqual<T>(T value, T other, [CallerArgumentExpression("value")] string paramName = null) where T : IComparable<T>
        {
            if (value.CompareTo(other) <= 0) Throw(value, paramName, string.Concat("must be greater than '", other.ToString(), "'."));
        }
    }
}
