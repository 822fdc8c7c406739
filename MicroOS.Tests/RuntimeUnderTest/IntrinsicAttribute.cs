namespace System.Runtime.CompilerServices
{
    // On MicroOS, ILC recognises [Intrinsic] and substitutes its own implementation (for example the
    // right EqualityComparer<T> for T). The BCL's attribute of that name is internal, so the linked
    // runtime sources need this stand-in; on the host the attributed method's C# body runs as written.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field, Inherited = false)]
    internal sealed class IntrinsicAttribute : Attribute
    {
    }
}
