using Internal.Runtime;

namespace System
{
    // Console output goes to the image's write hook: a server's log line (`[name] text`).
    public static class Console
    {
        public static void WriteLine() => Write(string.Empty);
        public static void WriteLine(string value) => Write(value ?? string.Empty);
        public static void WriteLine(object value) => Write(value?.ToString() ?? string.Empty);
        public static void WriteLine(int value) => Write(value.ToString());
        public static void WriteLine(long value) => Write(value.ToString());
        public static void WriteLine(bool value) => Write(value.ToString());
        public static void WriteLine(char value) => Write(value.ToString());
        public static void WriteLine(double value) => Write(value.ToString());
        public static void WriteLine(string format, object arg0) => Write(string.Format(format, arg0));
        public static void WriteLine(string format, object arg0, object arg1) => Write(string.Format(format, arg0, arg1));
        public static void WriteLine(string format, params object[] args) => Write(string.Format(format, args));

        private static unsafe void Write(string line)
        {
            if (RuntimeHost.s_write != null)
                RuntimeHost.s_write(line);
        }
    }
}
