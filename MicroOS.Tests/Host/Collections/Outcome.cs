namespace MicroOS.Tests.Host.Collections;

// What one call did: returned a value (shown as text) or threw an exception of some type.
// Two implementations agree on a call when their outcomes are equal.
internal readonly record struct Outcome(string? Value, Type? Exception)
{
    public static Outcome Of<T>(Func<T> call)
    {
        try
        {
            return new Outcome(Show(call()), null);
        }
        catch (Exception e)
        {
            return new Outcome(null, e.GetType());
        }
    }

    public static Outcome Of(Action call) => Of(() =>
    {
        call();
        return "(done)";
    });

    public static string Show<T>(T value) => value?.ToString() ?? "null";

    public override string ToString() => Exception != null ? $"throws {Exception.Name}" : $"returns {Value}";
}
