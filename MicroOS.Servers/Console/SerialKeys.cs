using MicroOS.Shared.Input;

namespace MicroOS.Servers.Console
{
    // Bytes from a serial terminal as key events: CR or LF is Enter (LF right after CR is dropped),
    // DEL and BS are Backspace, Ctrl-letters are Char with Ctrl, and the VT100 sequences
    // ESC [ A/B/C/D (arrows), ESC [ H / F and ESC [ 1~ / 4~ (Home/End), ESC [ 3~ (Delete).
    public sealed class SerialKeys
    {
        private int _state;         // 0: plain; 1: after ESC; 2: after ESC [ ; 3: after ESC [ digit
        private char _digit;
        private bool _afterCr;

        public KeyEvent Feed(byte b)
        {
            bool afterCr = _afterCr;
            _afterCr = false;
            switch (_state)
            {
                case 1:
                    _state = b == '[' || b == 'O' ? 2 : 0;
                    return default;
                case 2:
                    _state = 0;
                    switch ((char)b)
                    {
                        case 'A': return new KeyEvent(KeyKind.Up, '\0', false);
                        case 'B': return new KeyEvent(KeyKind.Down, '\0', false);
                        case 'C': return new KeyEvent(KeyKind.Right, '\0', false);
                        case 'D': return new KeyEvent(KeyKind.Left, '\0', false);
                        case 'H': return new KeyEvent(KeyKind.Home, '\0', false);
                        case 'F': return new KeyEvent(KeyKind.End, '\0', false);
                    }
                    if (b >= '0' && b <= '9')
                    {
                        _digit = (char)b;
                        _state = 3;
                    }
                    return default;
                case 3:
                    _state = 0;
                    if (b != '~')
                        return default;
                    switch (_digit)
                    {
                        case '1': case '7': return new KeyEvent(KeyKind.Home, '\0', false);
                        case '4': case '8': return new KeyEvent(KeyKind.End, '\0', false);
                        case '3': return new KeyEvent(KeyKind.Delete, '\0', false);
                    }
                    return default;
            }
            switch (b)
            {
                case 0x1B:
                    _state = 1;
                    return default;
                case (byte)'\r':
                    _afterCr = true;
                    return new KeyEvent(KeyKind.Enter, '\n', false);
                case (byte)'\n':
                    return afterCr ? default : new KeyEvent(KeyKind.Enter, '\n', false);
                case 0x7F:
                case 0x08:
                    return new KeyEvent(KeyKind.Backspace, '\0', false);
                case (byte)'\t':
                    return new KeyEvent(KeyKind.Tab, '\t', false);
            }
            if (b >= 1 && b <= 26)
                return new KeyEvent(KeyKind.Char, (char)('a' + b - 1), true);
            return b < 0x80 ? new KeyEvent(KeyKind.Char, (char)b, false) : default;
        }
    }
}
