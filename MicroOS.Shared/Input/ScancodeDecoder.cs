namespace MicroOS.Shared.Input
{
    // What a key press means once shift, caps lock and ctrl are applied. Char is 0 for keys that
    // are not characters (arrows, shift itself, releases).
    public enum KeyKind : byte { None, Char, Enter, Backspace, Tab, Escape, Up, Down, Left, Right, Home, End, Delete, PageUp, PageDown }

    public readonly struct KeyEvent
    {
        public readonly KeyKind Kind;
        public readonly char Char;
        public readonly bool Ctrl;

        public KeyEvent(KeyKind kind, char c, bool ctrl)
        {
            Kind = kind;
            Char = c;
            Ctrl = ctrl;
        }

        public bool IsNone => Kind == KeyKind.None;
    }

    // PS/2 scancode set 1, US layout. Feed it one byte from port 0x60 at a time; it keeps the
    // modifier state (shift, ctrl, caps lock) and the 0xE0 prefix of extended keys. Pure logic: the
    // keyboard server calls it, and host tests feed it byte sequences.
    public sealed class ScancodeDecoder
    {
        private const byte Extended = 0xE0;
        private const byte Release = 0x80;
        private const byte LeftShift = 0x2A, RightShift = 0x36, Ctrl = 0x1D, CapsLock = 0x3A;

        // Index = make code; "\0" = not a character key.
        private const string Plain =
            "\0\x1b" + "1234567890-=" + "\b\t" + "qwertyuiop[]" + "\n\0" + "asdfghjkl;'`" + "\0\\" + "zxcvbnm,./" + "\0*\0 ";
        private const string Shifted =
            "\0\x1b" + "!@#$%^&*()_+" + "\b\t" + "QWERTYUIOP{}" + "\n\0" + "ASDFGHJKL:\"~" + "\0|" + "ZXCVBNM<>?" + "\0*\0 ";

        private bool _extended;
        private bool _leftShift, _rightShift, _ctrl, _capsLock;

        public bool Shift => _leftShift || _rightShift;
        public bool CapsLockOn => _capsLock;

        public KeyEvent Feed(byte code)
        {
            if (code == Extended)
            {
                _extended = true;
                return default;
            }
            bool extended = _extended;
            _extended = false;
            bool released = (code & Release) != 0;
            byte make = (byte)(code & ~Release);

            if (make == Ctrl)                       // left ctrl, or right ctrl (E0 1D)
            {
                _ctrl = !released;
                return default;
            }
            if (extended)
                return released ? default : ExtendedKey(make);
            if (make == LeftShift)
            {
                _leftShift = !released;
                return default;
            }
            if (make == RightShift)
            {
                _rightShift = !released;
                return default;
            }
            if (released)
                return default;
            if (make == CapsLock)
            {
                _capsLock = !_capsLock;
                return default;
            }
            if (make >= Plain.Length || Plain[make] == '\0')
                return default;
            char c = Plain[make];
            bool letter = c >= 'a' && c <= 'z';
            bool upper = letter ? Shift != _capsLock : Shift;
            if (upper)
                c = Shifted[make];
            switch (c)
            {
                case '\n': return new KeyEvent(KeyKind.Enter, '\n', _ctrl);
                case '\b': return new KeyEvent(KeyKind.Backspace, '\b', _ctrl);
                case '\t': return new KeyEvent(KeyKind.Tab, '\t', _ctrl);
                case '\x1b': return new KeyEvent(KeyKind.Escape, '\x1b', _ctrl);
            }
            return new KeyEvent(KeyKind.Char, c, _ctrl);
        }

        private KeyEvent ExtendedKey(byte make)
        {
            KeyKind kind = make switch
            {
                0x48 => KeyKind.Up,
                0x50 => KeyKind.Down,
                0x4B => KeyKind.Left,
                0x4D => KeyKind.Right,
                0x47 => KeyKind.Home,
                0x4F => KeyKind.End,
                0x53 => KeyKind.Delete,
                0x49 => KeyKind.PageUp,
                0x51 => KeyKind.PageDown,
                0x1C => KeyKind.Enter,              // keypad enter
                _ => KeyKind.None,
            };
            return kind == KeyKind.None ? default : new KeyEvent(kind, kind == KeyKind.Enter ? '\n' : '\0', _ctrl);
        }
    }
}
