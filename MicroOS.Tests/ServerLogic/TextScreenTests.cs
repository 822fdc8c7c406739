using MicroOS.Shared.Devices;
using Xunit;

namespace MicroOS.Tests.ServerLogic;

// The console's 80x25 text screen (MicroOS.Shared/Devices/TextScreen.cs).
public sealed unsafe class TextScreenTests
{
    private readonly ushort[] _cells = new ushort[TextScreen.Columns * TextScreen.Rows];

    private T With<T>(Func<TextScreen, T> f)
    {
        fixed (ushort* p = _cells)
        {
            var screen = new TextScreen(p);
            screen.Clear();
            return f(screen);
        }
    }

    [Fact]
    public void WritesWithTheAttributeAndMovesTheCursor() => With(s =>
    {
        s.Write("ab\ncd");
        Assert.Equal("ab", s.RowText(0));
        Assert.Equal("cd", s.RowText(1));
        Assert.Equal((1, 2), (s.Row, s.Column));
        Assert.Equal(0x0761, s.Cell(0, 0));
        return 0;
    });

    [Fact]
    public void ALongLineWrapsAndTheLastLineScrolls() => With(s =>
    {
        for (int i = 0; i < TextScreen.Rows; i++)
            s.Write($"line {i}\n");
        // 25 newlines: line 0 scrolled off, line 24 is on the next-to-last row, the cursor on the last.
        Assert.Equal("line 1", s.RowText(0));
        Assert.Equal("line 24", s.RowText(TextScreen.Rows - 2));
        Assert.Equal("", s.RowText(TextScreen.Rows - 1));
        s.Write(new string('x', TextScreen.Columns + 3));
        Assert.Equal(new string('x', 3), s.RowText(TextScreen.Rows - 1));
        Assert.Equal(new string('x', TextScreen.Columns), s.RowText(TextScreen.Rows - 2));
        return 0;
    });

    [Fact]
    public void BackspaceErasesAndTabAlignsAndControlCharactersShowAsQuestionMarks() => With(s =>
    {
        s.Write("abc\b\bX\tY\u0001\u00e9");
        Assert.Equal("aX      Y??", s.RowText(0));
        s.Write("\rZ");
        Assert.Equal("ZX      Y??", s.RowText(0));
        return 0;
    });
}
