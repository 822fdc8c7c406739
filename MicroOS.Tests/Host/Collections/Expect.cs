using Xunit.Sdk;

namespace MicroOS.Tests.Host.Collections;

internal static class Expect
{
    // Both implementations must throw exactly TException for the same bad input.
    public static void SameException<TException>(string what, Action ours, Action bcl) where TException : Exception
    {
        Outcome a = Outcome.Of(ours);
        Outcome b = Outcome.Of(bcl);
        if (a.Exception != typeof(TException) || b.Exception != typeof(TException))
            throw new XunitException($"{what}: expected both to throw {typeof(TException).Name}; ours {a}, BCL {b}");
    }

    public static void SameException<TException>(string what, Func<object?> ours, Func<object?> bcl) where TException : Exception =>
        SameException<TException>(what, () => { ours(); }, () => { bcl(); });
}
