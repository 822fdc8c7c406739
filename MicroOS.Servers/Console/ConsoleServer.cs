using System.Collections.Generic;
using System.Runtime.InteropServices;
using MicroOS.Servers.Keyboard;
using MicroOS.Servers.Shell;
using MicroOS.Shared.Abi;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.Console
{
    // The console (ConsoleContract): text out to the VGA text screen and, mirrored, to the serial
    // line; lines in from either input path. Both paths become KeyEvents (serial bytes through
    // SerialKeys: ESC [ A/B/C/D are the arrows) and go through one LineEditor, so editing and history
    // behave the same on the keyboard and the serial line; the editor's echo goes to both outputs.
    // The drivers only signal the input notification (badge = which driver); the console collects
    // with their Read, so no driver ever waits for the console (docs/console.md). That notification
    // is bound to the console's thread: input arrives in the receive loop, and ReadLine never waits
    // (a line, or NoLineYet and `lineready` signalled later), so the console always answers the
    // supervisor's heartbeat. Input is edited only while the shell waits for a line (s_reading), so
    // what is typed during a command is echoed after the command's output, as on a terminal.
    // Slots (boot manifest): 1 = mmio:b8000+1 (the text buffer), 2 = io:3d4+2 (hardware cursor),
    // 3 = endpoint `console`, 4 = input notification (read), 5 = endpoint `serial`, 6 = endpoint `kbd`,
    // 7 = Names (system badge: it registers `console`), 8 = `lineready` (send), the shell's.
    internal static unsafe class ConsoleServer
    {
        private const ulong ScreenAddress = FrameCap.WindowBase;
        private static TextScreen s_screen;
        private static readonly IoPorts s_crtc = new IoPorts(2);
        private static readonly Notification s_input = new Notification(4);
        private static readonly Endpoint s_serial = new Endpoint(5);
        private static readonly Endpoint s_keyboard = new Endpoint(6);
        private static readonly Notification s_lineReady = new Notification(8);
        private static bool s_reading;          // the shell was told NoLineYet and waits for `lineready`
        private static ulong s_pendingInput;    // input bits signalled while the shell was not reading
        private static readonly LineEditor s_editor = new LineEditor();
        private static readonly SerialKeys s_serialKeys = new SerialKeys();
        private static readonly Queue<string> s_lines = new Queue<string>();
        private static byte* s_ipc;
        private static readonly byte[] s_out = new byte[SerialChunk];
        private const int SerialChunk = 1024;

        [UnmanagedCallersOnly(EntryPoint = "ServerMain")]
        private static int Main()
        {
            s_ipc = (byte*)Sys.MapMemory(4096);
            Ipc.SetBuffer(s_ipc, 20);
            long mapped = new FrameCap(1).Map(ScreenAddress, true);
            if (mapped < 0)
            {
                Sys.Write(string.Concat("console: cannot map the text screen: ", mapped.ToString()));
                return 1;
            }
            s_screen = new TextScreen((ushort*)ScreenAddress);
            s_screen.ContinueAfterText();
            MoveHardwareCursor();
            long bound = s_input.BindToThisThread();
            long registered = new NamesClient(new Endpoint(7), s_ipc).Register("console", 3);
            Sys.Write(string.Concat("console: ready (VGA text + serial line); input bound -> ", bound.ToString(),
                ", registered -> ", registered.ToString()));
            // A restarted console does not know whether the shell waits for `lineready` (told NoLineYet
            // by the console that died): wake it, it asks again.
            s_lineReady.Signal();
            var endpoint = new Endpoint(3);
            long r = ServerLoop.Run(endpoint, Handle, OnInput);
            Sys.Write(string.Concat("console: receive -> ", r.ToString()));
            return 1;
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

        private static void Handle(ref Message m)
        {
            switch (m.Label)
            {
                case ConsoleContract.Write:
                {
                    int length = m.Tag.Length;
                    char[] text = new char[length];
                    for (int i = 0; i < length; i++)
                        text[i] = (char)s_ipc[i];
                    Output(new string(text));
                    m = new Message(ConsoleContract.Write, (ulong)length);
                    return;
                }
                case ConsoleContract.ReadLine:
                {
                    if (s_lines.Count == 0 && s_pendingInput != 0)
                    {
                        ulong bits = s_pendingInput;
                        s_pendingInput = 0;
                        Collect(bits);
                    }
                    if (s_lines.Count == 0)
                    {
                        s_reading = true;
                        m = new Message(ConsoleContract.ReadLine, ConsoleContract.NoLineYet);
                        return;
                    }
                    s_reading = false;
                    string line = s_lines.Dequeue();
                    int n = line.Length < MessageTag.MaxPayload ? line.Length : MessageTag.MaxPayload;
                    for (int i = 0; i < n; i++)
                        s_ipc[i] = (byte)line[i];
                    m = new Message(ConsoleContract.ReadLine);
                    m.Tag = MessageTag.Of(ConsoleContract.ReadLine, n);
                    return;
                }
                case ConsoleContract.Clear:
                    s_screen.Clear();
                    MoveHardwareCursor();
                    SerialWrite("\x1b[2J\x1b[H");
                    m = new Message(ConsoleContract.Clear, 0);
                    return;
                default:
                    m = new Message(0, ulong.MaxValue);
                    return;
            }
        }

        // Fetches what the signalling drivers hold and runs it through the line editor.
        private static void Collect(ulong bits)
        {
            if ((bits & ConsoleInput.SerialBadge) != 0)
            {
                var m = new Message(SerialLineContract.Read);
                if (s_serial.Call(ref m) == 0)
                {
                    int n = m.Tag.Length;
                    byte[] bytes = new byte[n];
                    for (int i = 0; i < n; i++)
                        bytes[i] = s_ipc[i];
                    for (int i = 0; i < n; i++)
                    {
                        KeyEvent key = s_serialKeys.Feed(bytes[i]);
                        if (!key.IsNone)
                            Key(key);
                    }
                }
            }
            if ((bits & ConsoleInput.KeyboardBadge) != 0)
            {
                var m = new Message(KeyboardContract.Read);
                if (s_keyboard.Call(ref m) == 0)
                {
                    int n = m.Tag.Length / KeyboardContract.EventBytes;
                    var keys = new KeyEvent[n];
                    for (int i = 0; i < n; i++)
                        keys[i] = new KeyEvent((KeyKind)s_ipc[i * 3], (char)s_ipc[i * 3 + 1], s_ipc[i * 3 + 2] != 0);
                    for (int i = 0; i < n; i++)
                        Key(keys[i]);
                }
            }
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

        private static void SendSerial(int n)
        {
            for (int i = 0; i < n; i++)
                s_ipc[i] = s_out[i];
            var m = new Message(SerialLineContract.Write);
            m.Tag = MessageTag.Of(SerialLineContract.Write, n);
            s_serial.Call(ref m);
        }

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
