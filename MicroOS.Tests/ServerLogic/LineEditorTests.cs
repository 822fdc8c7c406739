using MicroOS.Shared.Input;
using Xunit;

namespace MicroOS.Tests.ServerLogic;

// The shell's line editor (MicroOS.Shared/Input/LineEditor.cs). Its echo is replayed on a model
// terminal that understands exactly what the editor promises (characters, '\b' = cursor left),
// so the tests check what a person would see, not the echo's exact bytes.
public sealed class LineEditorTests
{
    private sealed class Terminal
    {
        private readonly List<char> _row = new();
        public int Cursor;
        public void Show(string echo)
        {
            foreach (char c in echo)
            {
                if (c == '\b') { Cursor--; continue; }
                if (c == '\n') { _row.Clear(); Cursor = 0; continue; }
                while (_row.Count <= Cursor) _row.Add(' ');
                _row[Cursor++] = c;
            }
        }
        public string Text => new string(_row.ToArray()).TrimEnd();
    }

    private static KeyEvent C(char c) => new(KeyKind.Char, c, false);
    private static KeyEvent K(KeyKind k) => new(k, '\0', false);

    private static (LineEditor Editor, Terminal Screen, List<string> Lines) Run(params object[] keys)
    {
        var editor = new LineEditor();
        var screen = new Terminal();
        var lines = new List<string>();
        foreach (object k in keys)
        {
            IEnumerable<KeyEvent> events = k is string s ? s.Select(C) : new[] { (KeyEvent)k };
            foreach (KeyEvent e in events)
            {
                screen.Show(editor.Key(e, out string? line));
                if (line != null)
                    lines.Add(line);
            }
        }
        return (editor, screen, lines);
    }

    [Fact]
    public void TypingAndEnterSubmitsTheLine()
    {
        var (editor, _, lines) = Run("echo hi", K(KeyKind.Enter));
        Assert.Equal(new[] { "echo hi" }, lines);
        Assert.Equal("", editor.Text);
    }

    [Fact]
    public void InsertInTheMiddleAndBackspaceKeepScreenAndLineInStep()
    {
        var (editor, screen, _) = Run("helo", K(KeyKind.Left), "l", K(KeyKind.End), "!", K(KeyKind.Home), K(KeyKind.Delete), "H",
            K(KeyKind.End), K(KeyKind.Backspace));
        Assert.Equal("Hello", editor.Text);
        Assert.Equal("Hello", screen.Text);
        Assert.Equal(editor.Cursor, screen.Cursor);
    }

    [Fact]
    public void UpAndDownWalkTheHistoryAndComeBackToAnEmptyLine()
    {
        var (editor, screen, lines) = Run("ps", K(KeyKind.Enter), "mem", K(KeyKind.Enter), "uptime", K(KeyKind.Enter),
            K(KeyKind.Up), K(KeyKind.Up));
        Assert.Equal("mem", editor.Text);
        Assert.Equal("mem", screen.Text);
        Assert.Equal(3, lines.Count);

        var (e2, s2, l2) = Run("ps", K(KeyKind.Enter), "mem", K(KeyKind.Enter), K(KeyKind.Up), K(KeyKind.Up), K(KeyKind.Up), K(KeyKind.Down), K(KeyKind.Down));
        Assert.Equal("", e2.Text);
        Assert.Equal("", s2.Text);
        var (e3, _, l3) = Run("ps", K(KeyKind.Enter), "caps 3", K(KeyKind.Enter), K(KeyKind.Up), K(KeyKind.Enter));
        Assert.Equal(new[] { "ps", "caps 3", "caps 3" }, l3);
        Assert.Equal(2, e3.HistoryCount);                // a repeated line is remembered once
        Assert.Equal(2, l2.Count);
    }

    [Fact]
    public void CtrlCDropsTheLineAndCtrlUClearsIt()
    {
        var (editor, _, lines) = Run("kill 3", new KeyEvent(KeyKind.Char, 'c', true), "ps", new KeyEvent(KeyKind.Char, 'u', true), "mem", K(KeyKind.Enter));
        Assert.Equal(new[] { "mem" }, lines);
        Assert.Equal("", editor.Text);
    }

    [Fact]
    public void TheLineStopsAtItsLimitAndControlCharactersAreIgnored()
    {
        var (editor, _, _) = Run(new string('a', LineEditor.MaxLine + 10), C('\u0007'));
        Assert.Equal(LineEditor.MaxLine, editor.Text.Length);
    }
}
