using Internal.Runtime;

namespace System
{
    // Console output goes to the image's write hook: a server's log line (`[name] text`). The log
    // is made of lines, so Write collects text until a newline (or WriteLine) ends the line.
    public static class Console
    {
        private static Text.StringBuilder s_pending;

        public static void Write(string value)
        {
            if (string.IsNullOrEmpty(value)) return;
            int from = 0;
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] != '\n') continue;
                Line(value.Substring(from, i - from));
                from = i + 1;
            }
            if (from < value.Length)
                (s_pending ??= new Text.StringBuilder()).Append(value, from, value.Length - from);
        }

        public static void Write(object value) => Write(value?.ToString());
        public static void Write(char value) => Write(value.ToString());
        public static void Write(int value) => Write(value.ToString());
        public static void Write(long value) => Write(value.ToString());
        public static void Write(double value) => Write(value.ToString());
        public static void Write(bool value) => Write(value.ToString());
        public static void Write(string format, object arg0) => Write(string.Format(format, arg0));
        public static void Write(string format, object arg0, object arg1) => Write(string.Format(format, arg0, arg1));
        public static void Write(string format, params object[] args) => Write(string.Format(format, args));

        public static void WriteLine() => WriteLine(string.Empty);
        public static void WriteLine(string value)
        {
            Write(value);
            Line(null);
        }
        public static void WriteLine(object value) => WriteLine(value?.ToString() ?? string.Empty);
        public static void WriteLine(int value) => WriteLine(value.ToString());
        public static void WriteLine(long value) => WriteLine(value.ToString());
        public static void WriteLine(bool value) => WriteLine(value.ToString());
        public static void WriteLine(char value) => WriteLine(value.ToString());
        public static void WriteLine(double value) => WriteLine(value.ToString());
        public static void WriteLine(string format, object arg0) => WriteLine(string.Format(format, arg0));
        public static void WriteLine(string format, object arg0, object arg1) => WriteLine(string.Format(format, arg0, arg1));
        public static void WriteLine(string format, params object[] args) => WriteLine(string.Format(format, args));

        // Ends the pending line with `tail` and sends it.
        private static void Line(string tail)
        {
            string line = tail ?? string.Empty;
            if (s_pending != null && s_pending.Length > 0)
            {
                line = string.Concat(s_pending.ToString(), line);
                s_pending.Clear();
            }
            Emit(line);
        }

        private static unsafe void Emit(string line)
        {
            if (RuntimeHost.s_write != null)
                RuntimeHost.s_write(line);
        }
    }
}
