namespace MicroOS.Shared.Input
{
    // The shell's input line: insert and delete at a cursor, left/right/home/end, and a history
    // walked with up/down. Each key returns what the terminal must be sent to show the change, as
    // plain characters plus '\b' to move left (the console and a serial terminal both understand
    // that), so one editor serves both input paths. Pure logic: host tests drive it key by key.
    public sealed class LineEditor
    {
        public const int MaxLine = 200;
        public const int MaxHistory = 32;

        private readonly char[] _line = new char[MaxLine];
        private int _length;
        private int _cursor;
        private readonly string[] _history = new string[MaxHistory];
        private int _historyCount;
        private int _historyBrowse = -1;      // -1: editing a new line; else an index into _history

        public string Text => new string(_line, 0, _length);
        public int Cursor => _cursor;
        public int HistoryCount => _historyCount;

        // Applies one key. Returns the echo; `submitted` is the finished line on Enter, else null.
        public string Key(KeyEvent key, out string submitted)
        {
            submitted = null;
            switch (key.Kind)
            {
                case KeyKind.Char:
                    if (key.Ctrl && (key.Char == 'c' || key.Char == 'C'))
                        return Cancel();
                    if (key.Ctrl && (key.Char == 'u' || key.Char == 'U'))
                        return Replace("");
                    return key.Ctrl ? "" : Insert(key.Char);
                case KeyKind.Enter:
                    submitted = Text;
                    Remember(submitted);
                    _length = 0;
                    _cursor = 0;
                    _historyBrowse = -1;
                    return "\n";
                case KeyKind.Backspace:
                    if (_cursor == 0)
                        return "";
                    _cursor--;
                    return "\b" + DeleteAtCursor();
                case KeyKind.Delete:
                    return _cursor < _length ? DeleteAtCursor() : "";
                case KeyKind.Left:
                    if (_cursor == 0)
                        return "";
                    _cursor--;
                    return "\b";
                case KeyKind.Right:
                    if (_cursor == _length)
                        return "";
                    return _line[_cursor++].ToString();
                case KeyKind.Home:
                    return MoveTo(0);
                case KeyKind.End:
                    return MoveTo(_length);
                case KeyKind.Up:
                    if (_historyCount == 0 || _historyBrowse == 0)
                        return "";
                    _historyBrowse = _historyBrowse < 0 ? _historyCount - 1 : _historyBrowse - 1;
                    return Replace(_history[_historyBrowse]);
                case KeyKind.Down:
                    if (_historyBrowse < 0)
                        return "";
                    _historyBrowse++;
                    if (_historyBrowse == _historyCount)
                    {
                        _historyBrowse = -1;
                        return Replace("");
                    }
                    return Replace(_history[_historyBrowse]);
                default:
                    return "";
            }
        }

        public string History(int index) => _history[index];

        private string Insert(char c)
        {
            if (_length == MaxLine || c < ' ' || c >= (char)0x7F)
                return "";
            for (int i = _length; i > _cursor; i--)
                _line[i] = _line[i - 1];
            _line[_cursor] = c;
            _length++;
            _cursor++;
            // The new character, then the rest of the line redrawn, then back to the cursor.
            string tail = new string(_line, _cursor, _length - _cursor);
            return string.Concat(c.ToString(), tail, Backs(tail.Length));
        }

        private string DeleteAtCursor()
        {
            for (int i = _cursor; i < _length - 1; i++)
                _line[i] = _line[i + 1];
            _length--;
            string tail = new string(_line, _cursor, _length - _cursor);
            return string.Concat(tail, " ", Backs(tail.Length + 1));
        }

        private string MoveTo(int position)
        {
            string echo = position < _cursor ? Backs(_cursor - position) : new string(_line, _cursor, position - _cursor);
            _cursor = position;
            return echo;
        }

        // Erases the shown line and shows `text` instead, cursor at its end.
        private string Replace(string text)
        {
            string erase = string.Concat(MoveTo(_length), Backs(_length), new string(' ', _length), Backs(_length));
            int n = text.Length < MaxLine ? text.Length : MaxLine;
            for (int i = 0; i < n; i++)
                _line[i] = text[i];
            _length = n;
            _cursor = n;
            return string.Concat(erase, new string(_line, 0, n));
        }

        private string Cancel()
        {
            _length = 0;
            _cursor = 0;
            _historyBrowse = -1;
            return "^C\n";
        }

        private void Remember(string line)
        {
            if (line.Length == 0 || (_historyCount > 0 && _history[_historyCount - 1] == line))
                return;
            if (_historyCount == MaxHistory)
            {
                for (int i = 1; i < MaxHistory; i++)
                    _history[i - 1] = _history[i];
                _historyCount--;
            }
            _history[_historyCount++] = line;
        }

        private static string Backs(int n) => new string('\b', n);
    }
}
