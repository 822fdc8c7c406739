using MicroOS.Servers.Console;
using MicroOS.Shared.Input;
using Xunit;

namespace MicroOS.Tests.ServerLogic;

// The serial line's bytes as key events (MicroOS.Servers/Console/SerialKeys.cs), the console's
// second input path next to the PS/2 ScancodeDecoder.
public sealed class SerialKeysTests
{
    private static List<(KeyKind Kind, char Char, bool Ctrl)> Feed(string bytes)
    {
        var keys = new SerialKeys();
        var events = new List<(KeyKind, char, bool)>();
        foreach (char b in bytes)
        {
            KeyEvent key = keys.Feed((byte)b);
            if (!key.IsNone)
                events.Add((key.Kind, key.Char, key.Ctrl));
        }
        return events;
    }

    [Fact]
    public void PrintableBytesAreCharacters() =>
        Assert.Equal(new[] { (KeyKind.Char, 'a', false), (KeyKind.Char, 'Z', false), (KeyKind.Char, ' ', false), (KeyKind.Char, '~', false) }, Feed("aZ ~"));

    [Fact]
    public void CrLfIsOneEnterAndEitherAloneIsEnter()
    {
        Assert.Equal(new[] { (KeyKind.Enter, '\n', false) }, Feed("\r\n"));
        Assert.Equal(new[] { (KeyKind.Enter, '\n', false), (KeyKind.Enter, '\n', false) }, Feed("\r\r"));
        Assert.Equal(new[] { (KeyKind.Enter, '\n', false), (KeyKind.Enter, '\n', false) }, Feed("\n\n"));
    }

    [Fact]
    public void Vt100SequencesAreArrowsHomeEndDelete() =>
        Assert.Equal(
            new[] { KeyKind.Up, KeyKind.Down, KeyKind.Right, KeyKind.Left, KeyKind.Home, KeyKind.End, KeyKind.Home, KeyKind.End, KeyKind.Delete, KeyKind.Up },
            Feed("\u001b[A\u001b[B\u001b[C\u001b[D\u001b[H\u001b[F\u001b[1~\u001b[4~\u001b[3~\u001bOA").Select(e => e.Kind));

    [Fact]
    public void DeleteAndBackspaceBytesAreBackspaceAndControlLettersCarryCtrl()
    {
        Assert.Equal(new[] { KeyKind.Backspace, KeyKind.Backspace }, Feed("\u007f\b").Select(e => e.Kind));
        Assert.Equal(new[] { (KeyKind.Char, 'c', true), (KeyKind.Char, 'u', true) }, Feed("\u0003\u0015"));
    }

    [Fact]
    public void AnUnknownSequenceIsDroppedAndTheNextByteIsPlainAgain() =>
        Assert.Equal(new[] { (KeyKind.Char, 'x', false) }, Feed("\u001b[Zx"));
}
