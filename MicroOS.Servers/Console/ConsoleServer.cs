using System.Collections.Generic;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.Devices;
using MicroOS.Shared.Input;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Console
{
    // The console (IConsole): text out to the VGA text screen and, mirrored, to the serial
    // line; lines in from either input path. Both paths become KeyEvents (serial bytes through
    // SerialKeys: ESC [ A/B/C/D are the arrows) and go through one LineEditor, so editing and history
    // behave the same on the keyboard and the serial line; the editor's echo goes to both outputs.
    // The drivers only signal the input notification (badge = which driver); the console collects
    // with their Read, so no driver ever waits for the console (docs/console.md). That notification
    // is bound to the console's thread: input arrives in the receive loop, and ReadLine never waits
    // (a line, or NoLineYet and `lineready` signalled later), so the console always answers the
    // supervisor's heartbeat. Input is edited only while the shell waits for a line (s_reading), so
    // what is typed during a command is echoed after the command's output, as on a terminal.
    // Its manifest line grants the text buffer (mmio:b8000), the hardware cursor's ports (io:3d4),
    // its endpoint, the input notification, the drivers' endpoints and the shell's `lineready`.
    internal sealed class ConsoleServer : IConsole
    {
        private const ulong ScreenAddress = FrameCap.WindowBase;
        private static TextScreen s_screen;
        private static IoPorts s_crtc;
        private static ISerialLine.Client s_serial;
        private static IKeyboard.Client s_keyboard;
        private static Notification s_lineReady;
        private static bool s_reading;          // the shell was told NoLineYet and waits for `lineready`
        private static ulong s_pendingInput;    // input bits signalled while the shell was not reading
        private static readonly LineEditor s_editor = new LineEditor();
        private static readonly SerialKeys s_serialKeys = new SerialKeys();
        private static readonly Queue<string> s_lines = new Queue<string>();
        private static readonly byte[] s_out = new byte[SerialChunk];
        private const int SerialChunk = 1024;

        [ServerMain]
        internal static int Main()
        {
            Server.Begin("console");
            s_crtc = Caps.IoPorts(0x3D4);
            s_serial = new ISerialLine.Client(Caps.Endpoint("serial"));
            s_keyboard = new IKeyboard.Client(Caps.Endpoint("keyboard"));
            s_lineReady = Caps.Notification("lineready");
            Notification input = Caps.Notification("coninput");
            long mapped = Caps.DeviceMemory(0xB8000).Map(ScreenAddress, true);
            if (mapped < 0)
            {
                Sys.Write(string.Concat("console: cannot map the text screen: ", mapped.ToString()));
                return 1;
            }
            s_screen = new TextScreen(ScreenAddress);
            s_screen.ContinueAfterText();
            MoveHardwareCursor();
            long bound = input.BindToThisThread();
            Sys.Write(string.Concat("console: ready (VGA text + serial line); input bound -> ", bound.ToString()));
            // A restarted console does not know whether the shell waits for `lineready` (told NoLineYet
            // by the console that died): wake it, it asks again.
            s_lineReady.Signal();
            return Server.Serve("console", new IConsole.Dispatcher(new ConsoleServer()), OnInput);
        }

        private static void OnInput(ulong bits)
        {
            if (!s_reading)
            {
                s_pendingInput |= bits;
                return;
            }
            Collect(bits);
            if (s_lines.Count > 0)
            {
                s_reading = false;
                s_lineReady.Signal();
            }
        }

        public long Write(string text)
        {
            Output(text);
            return text.Length;
        }

        public long ReadLine(out string line)
        {
            line = null;
            if (Server.CallerBadge == ConsoleContract.ProgramBadge)
                return ConsoleContract.NotForPrograms;     // a program `run` started: output only
            if (s_lines.Count == 0 && s_pendingInput != 0)
            {
                ulong bits = s_pendingInput;
                s_pendingInput = 0;
                Collect(bits);
            }
            if (s_lines.Count == 0)
            {
                s_reading = true;
                return ConsoleContract.NoLineYet;
            }
            s_reading = false;
            line = s_lines.Dequeue();
            if (line.Length > MessageTag.MaxPayload)
                line = line.Substring(0, MessageTag.MaxPayload);
            return 0;
        }

        public long Clear()
        {
            if (Server.CallerBadge == ConsoleContract.ProgramBadge)
                return ConsoleContract.NotForPrograms;
            s_screen.Clear();
            MoveHardwareCursor();
            SerialWrite("\x1b[2J\x1b[H");
            return 0;
        }

        // Fetches what the signalling drivers hold and runs it through the line editor.
        private static void Collect(ulong bits)
        {
            if ((bits & ConsoleInput.SerialBadge) != 0 && s_serial.Read(out byte[] bytes) >= 0)
                for (int i = 0; i < bytes.Length; i++)
                {
                    KeyEvent key = s_serialKeys.Feed(bytes[i]);
                    if (!key.IsNone)
                        Key(key);
                }
            if ((bits & ConsoleInput.KeyboardBadge) != 0 && s_keyboard.Read(out KeyEvent[] keys) >= 0)
                for (int i = 0; i < keys.Length; i++)
                    Key(keys[i]);
        }

        private static void Key(KeyEvent key)
        {
            string echo = s_editor.Key(key, out string submitted);
            if (echo.Length > 0)
                Output(echo);
            if (submitted != null)
                s_lines.Enqueue(submitted);
        }

        // To the screen ('\b' moves left: the editor overwrites what it erases) and to the serial
        // line ('\n' as CR LF).
        private static void Output(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\b')
                    s_screen.CursorLeft();
                else
                    s_screen.Write(text[i]);
            }
            MoveHardwareCursor();
            SerialWrite(text);
        }

        private static void SerialWrite(string text)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (n >= SerialChunk - 2)
                {
                    SendSerial(n);
                    n = 0;
                }
                char c = text[i];
                if (c == '\n')
                    s_out[n++] = (byte)'\r';
                s_out[n++] = c < 0x80 ? (byte)c : (byte)'?';
            }
            if (n > 0)
                SendSerial(n);
        }

        private static void SendSerial(int n) => s_serial.Write(new System.ReadOnlySpan<byte>(s_out, 0, n));

        private static void MoveHardwareCursor()
        {
            int position = s_screen.Row * TextScreen.Columns + s_screen.Column;
            s_crtc.Write8(0x3D4, 0x0F);
            s_crtc.Write8(0x3D5, (byte)position);
            s_crtc.Write8(0x3D4, 0x0E);
            s_crtc.Write8(0x3D5, (byte)(position >> 8));
        }
    }
}
