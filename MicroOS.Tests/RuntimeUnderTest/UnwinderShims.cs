using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MicroOS.Tests")]

namespace System.Runtime
{
    // Unwinder.cs imports the addresses of its tables from the image's assembly (RuntimeImport);
    // the host tests never call those, they feed the table readers bytes directly.
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string entry) { }
    }
}

namespace Internal.Runtime
{
    // Only its address matters to the clause reader (a catch clause's type).
    internal struct MethodTable
    {
    }
}
