using System;

namespace Internal.Runtime.CompilerHelpers
{
    // ILC calls these for the checks it inserts (null, bounds, overflow, casts).
    internal static class ThrowHelpers
    {
        internal static void ThrowNullReferenceException() => throw new NullReferenceException();
        internal static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        internal static void ThrowOverflowException() => throw new OverflowException();
        internal static void ThrowDivideByZeroException() => throw new DivideByZeroException();
        internal static void ThrowInvalidCastException() => throw new InvalidCastException();
        internal static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
        internal static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        internal static void ThrowArgumentException() => throw new ArgumentException();
        internal static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
        internal static void ThrowNotImplementedException() => throw new NotImplementedException();
        internal static void ThrowTypeLoadException() => throw new NotSupportedException("type load failure");
        internal static void ThrowTypeLoadExceptionWithArgument(int id, string className, string typeName, string messageArg) => throw new NotSupportedException(string.Concat("type load failure: ", typeName));
        internal static void ThrowMissingMethodException() => throw new NotSupportedException("missing method");
        internal static void ThrowMissingFieldException() => throw new NotSupportedException("missing field");
        internal static void ThrowFileNotFoundException() => throw new NotSupportedException("file not found");
        internal static void ThrowInvalidProgramException() => throw new NotSupportedException("invalid program");
        internal static void ThrowInvalidProgramExceptionWithArgument(int id, string methodName) => throw new NotSupportedException(string.Concat("invalid program: ", methodName));
        internal static void ThrowBadImageFormatException(int id) => throw new NotSupportedException("bad image format");
        internal static void ThrowMarshalDirectiveException() => throw new NotSupportedException("marshal directive");
        internal static void ThrowAmbiguousMatchException() => throw new NotSupportedException("ambiguous match");
        internal static void ThrowNotSupportedException() => throw new NotSupportedException();
        internal static void ThrowBodyRemoved() => throw new NotSupportedException("method body removed");
        internal static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("feature removed");
        internal static void ThrowInstanceBodyRemoved() => throw new NotSupportedException("instance body removed");
        internal static void ThrowUnavailableType() => throw new NotSupportedException("unavailable type");
    }
}

namespace Internal.Runtime
{
    // Short names for the runtime's own code.
    internal static class ThrowHelpers
    {
        internal static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        internal static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        internal static void ThrowInvalidCastException() => throw new InvalidCastException();
        internal static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
        internal static void ThrowOverflowException() => throw new OverflowException();
        internal static void ThrowDestinationTooShort() => throw new ArgumentException("Destination is too short.", "destination");
    }
}
