// Attributes the C# compiler and ILC look for by name in the core library.
namespace System.Runtime.CompilerServices
{
    // Marks a method whose body ILC (or the JIT) replaces with its own code.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field, Inherited = false)]
    public sealed class IntrinsicAttribute : Attribute { }

    public sealed class IndexerNameAttribute : Attribute { public IndexerNameAttribute(string indexerName) { } }
    public sealed class IsReadOnlyAttribute : Attribute { }
    public sealed class IsByRefLikeAttribute : Attribute { }
    public sealed class IsUnmanagedAttribute : Attribute { }
    public sealed class IsExternalInit { }
    public sealed class ScopedRefAttribute : Attribute { }
    public sealed class RefSafetyRulesAttribute : Attribute { public RefSafetyRulesAttribute(int version) { } }
    public sealed class RequiresLocationAttribute : Attribute { }
    public sealed class ExtensionAttribute : Attribute { }
    public sealed class CompilerGeneratedAttribute : Attribute { }
    public sealed class NullableAttribute : Attribute { public NullableAttribute(byte b) { } public NullableAttribute(byte[] b) { } }
    public sealed class NullableContextAttribute : Attribute { public NullableContextAttribute(byte b) { } }
    public sealed class NullablePublicOnlyAttribute : Attribute { public NullablePublicOnlyAttribute(bool b) { } }
    public sealed class ParamCollectionAttribute : Attribute { }
    public sealed class FixedBufferAttribute : Attribute { public FixedBufferAttribute(Type elementType, int length) { } }
    public sealed class UnsafeValueTypeAttribute : Attribute { }
    public sealed class IteratorStateMachineAttribute : Attribute { public IteratorStateMachineAttribute(Type stateMachineType) { } }
    public sealed class InlineArrayAttribute : Attribute { public InlineArrayAttribute(int length) { } }
    public sealed class CallerMemberNameAttribute : Attribute { }
    public sealed class CallerLineNumberAttribute : Attribute { }
    public sealed class CallerFilePathAttribute : Attribute { }
    public sealed class CallerArgumentExpressionAttribute : Attribute { public CallerArgumentExpressionAttribute(string parameterName) { } }
    public sealed class InterpolatedStringHandlerAttribute : Attribute { }
    public sealed class SkipLocalsInitAttribute : Attribute { }
    public sealed class ModuleInitializerAttribute : Attribute { }
    public sealed class CompilationRelaxationsAttribute : Attribute { public CompilationRelaxationsAttribute(int relaxations) { } }
    public sealed class RuntimeCompatibilityAttribute : Attribute { public bool WrapNonExceptionThrows { get; set; } }
    public sealed class InternalsVisibleToAttribute : Attribute { public InternalsVisibleToAttribute(string assemblyName) { } }

    // Volatile field marker (modreq) used by the C# compiler for `volatile`.
    public static class IsVolatile { }
    public static class IsConst { }

    public static class RuntimeFeature
    {
        public const string ByRefFields = nameof(ByRefFields);
        public const string ByRefLikeGenerics = nameof(ByRefLikeGenerics);
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
        public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);
        public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);
        public const string NumericIntPtr = nameof(NumericIntPtr);
        public const string CovariantReturnsOfClasses = nameof(CovariantReturnsOfClasses);
    }

    public enum MethodImplOptions
    {
        Unmanaged = 0x0004, NoInlining = 0x0008, ForwardRef = 0x0010, Synchronized = 0x0020,
        NoOptimization = 0x0040, PreserveSig = 0x0080, AggressiveInlining = 0x0100,
        AggressiveOptimization = 0x0200, InternalCall = 0x1000,
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { }
        public MethodImplAttribute(short value) { }
    }

    public static unsafe class RuntimeHelpers
    {
        public static int OffsetToStringData => sizeof(IntPtr) + sizeof(int);

        // array[1..^1] and list patterns with a slice (`[var first, .. var rest]`) on arrays.
        public static T[] GetSubArray<T>(T[] array, Range range)
        {
            if (array == null) throw new ArgumentNullException("array");
            (int offset, int length) = range.GetOffsetAndLength(array.Length);
            T[] result = new T[length];
            if (length > 0) Array.Copy(array, offset, result, 0, length);
            return result;
        }

        [Intrinsic]
        public static bool IsReferenceOrContainsReferences<T>() => throw null;

        [Intrinsic]
        public static bool IsBitwiseEquatable<T>() => throw null;

        // ILC expands `new T[] { constants }` (ldtoken of the data blob + this call) into a copy of the
        // blob; any other use is not supported, as in NativeAOT.
        [Intrinsic]
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) => throw new PlatformNotSupportedException();

        [Intrinsic]
        public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle) => throw new PlatformNotSupportedException();

        public static int GetHashCode(object o) => o == null ? 0 : (int)((ulong)Unsafe.AsPointer(ref Unsafe.As<RawData>(o).Data) >> 3);

        public static new bool Equals(object a, object b) => a == b;

        public static void RunClassConstructor(RuntimeTypeHandle type) { }

        public static void EnsureSufficientExecutionStack() { }

        public static object GetUninitializedObject(Type type) => System.Runtime.RuntimeExports.RhNewObject(type._mt);
    }

    // $"..." strings: literal parts and formatted holes, with alignment and format as string.Format.
    [InterpolatedStringHandler]
    public struct DefaultInterpolatedStringHandler
    {
        private System.Text.StringBuilder _text;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _text = new System.Text.StringBuilder(literalLength + formattedCount * 8);
        }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider) : this(literalLength, formattedCount) { }

        public void AppendLiteral(string value) => _text.Append(value);

        public void AppendFormatted<T>(T value) => _text.Append(value?.ToString());

        public void AppendFormatted<T>(T value, string format) => _text.Append(string.FormatItem(value, format));

        public void AppendFormatted<T>(T value, int alignment) => string.AppendAligned(_text, string.FormatItem(value, null), alignment);

        public void AppendFormatted<T>(T value, int alignment, string format) => string.AppendAligned(_text, string.FormatItem(value, format), alignment);

        public void AppendFormatted(string value) => _text.Append(value);

        public void AppendFormatted(string value, int alignment = 0, string format = null) => string.AppendAligned(_text, value ?? string.Empty, alignment);

        public void AppendFormatted(object value, int alignment = 0, string format = null) => string.AppendAligned(_text, string.FormatItem(value, format), alignment);

        public void AppendFormatted(ReadOnlySpan<char> value) => _text.Append(value);

        public string ToStringAndClear()
        {
            string s = _text.ToString();
            _text = null;
            return s;
        }

        public override string ToString() => _text.ToString();
    }
}

namespace System.Runtime
{
    // A method ILC exports under the given symbol name (the runtime's side of a helper contract).
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        public string EntryPoint;
        public RuntimeExportAttribute(string entry) { EntryPoint = entry; }
    }

    // A method whose body is the native symbol of that name (assembly or another image's export).
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeImportAttribute : Attribute
    {
        public string DllName { get; }
        public string EntryPoint { get; }
        public RuntimeImportAttribute(string entry) { EntryPoint = entry; }
        public RuntimeImportAttribute(string dllName, string entry) { EntryPoint = entry; DllName = dllName; }
    }
}

namespace System.Runtime.Versioning
{
    public sealed class NonVersionableAttribute : Attribute { }
    public sealed class TargetFrameworkAttribute : Attribute { public TargetFrameworkAttribute(string frameworkName) { } public string FrameworkDisplayName { get; set; } }
}
