using MicroOS.Shared.User;

namespace MicroOS.Shared.Testing
{
    // The one line format a boot-test server reports its results in (KTAP-like; issue 16 item 7),
    // read by one parser on the host (MicroOS.Tests/Boot/TestReport.cs):
    //   1..N                           the plan, first: N results follow, numbered 1..N
    //   ok K name key=value ...        check K held; the values are what the server observed
    //   not ok K name key=value ...    check K failed
    // A name and a key are one word, a value has no space: the host splits on spaces. The server
    // decides ok/not ok (it knows what it asked for); the host asserts every planned result came,
    // in order, ok, and may check the observed values as well.
    public sealed class TestReport
    {
        private readonly int _planned;
        private int _number;
        private int _failed;

        public TestReport(int planned)
        {
            _planned = planned;
            Sys.Write(string.Concat("1..", planned.ToString()));
        }

        public int Failed => _failed;

        // One result line; returns `ok`, so a check can guard what follows it.
        public bool Check(string name, bool ok, string observed)
        {
            _number++;
            if (!ok)
                _failed++;
            string head = string.Concat(ok ? "ok " : "not ok ", _number.ToString(), " ", name);
            Sys.Write(observed.Length == 0 ? head : string.Concat(head, " ", observed));
            return ok;
        }

        // `key=value`, for Check's observed text.
        public static string Value(string key, long value) => string.Concat(key, "=", value.ToString());

        public static string Value(string key, bool value) => string.Concat(key, "=", value ? "true" : "false");

        public static string Value(string key, string value) => string.Concat(key, "=", value);

        // `key=0x...`: addresses, words read back, register values.
        public static string Hex(string key, ulong value) => string.Concat(key, "=0x", value.ToString("X"));

        // The exit code a test server ends with: 0 when every planned result came and held.
        public int ExitCode => _failed == 0 && _number == _planned ? 0 : 1;
    }
}
