using MicroOS.Shared.Input;
using Xunit;

namespace MicroOS.Tests.ServerLogic;

// PS/2 scancode set 1, US layout (MicroOS.Shared/Input/ScancodeDecoder.cs).
public sealed class ScancodeDecoderTests
{
    private static string Type(ScancodeDecoder d, params byte[] codes)
    {
        var text = new System.Text.StringBuilder();
        foreach (byte b in codes)
        {
            KeyEvent e = d.Feed(b);
            if (e.Kind == KeyKind.Char)
                text.Append(e.Ctrl ? "^" + e.Char : e.Char.ToString());
            else if (!e.IsNone)
                text.Append('<').Append(e.Kind).Append('>');
        }
        return text.ToString();
    }

    [Fact]
    public void LettersDigitsAndPunctuationOnPressOnly() =>
        // h (23), i (17) press+release, space, 1 (02), '-' (0C), '/' (35)
        Assert.Equal("hi 1-/", Type(new ScancodeDecoder(), 0x23, 0xA3, 0x17, 0x97, 0x39, 0xB9, 0x02, 0x82, 0x0C, 0x8C, 0x35, 0xB5));

    [Fact]
    public void ShiftGivesUpperCaseAndShiftedSymbolsUntilReleased() =>
        // lshift down, a, 1, ';', lshift up, a; rshift down, '/', rshift up
        Assert.Equal("A!:a?", Type(new ScancodeDecoder(), 0x2A, 0x1E, 0x02, 0x27, 0xAA, 0x1E, 0x36, 0x35, 0xB6));

    [Fact]
    public void CapsLockTogglesLettersOnlyAndShiftInvertsIt()
    {
        var d = new ScancodeDecoder();
        Assert.Equal("A1", Type(d, 0x3A, 0xBA, 0x1E, 0x02));       // caps on: letters upper, digits not
        Assert.True(d.CapsLockOn);
        Assert.Equal("a!", Type(d, 0x2A, 0x1E, 0x02, 0xAA));       // shift under caps: lower letter, shifted digit
        Assert.Equal("a", Type(d, 0x3A, 0xBA, 0x1E));             // caps off again
    }

    [Fact]
    public void CtrlIsReportedWithTheKey() =>
        Assert.Equal("^c^Cc", Type(new ScancodeDecoder(), 0x1D, 0x2E, 0x2A, 0x2E, 0xAA, 0x9D, 0x2E));

    [Fact]
    public void ExtendedArrowsAndEditingKeys() =>
        Assert.Equal("<Up><Down><Left><Right><Home><End><Delete><Enter>",
            Type(new ScancodeDecoder(), 0xE0, 0x48, 0xE0, 0xC8, 0xE0, 0x50, 0xE0, 0x4B, 0xE0, 0x4D, 0xE0, 0x47, 0xE0, 0x4F, 0xE0, 0x53, 0xE0, 0x1C));

    [Fact]
    public void EnterBackspaceTabEscape() =>
        Assert.Equal("<Enter><Backspace><Tab><Escape>", Type(new ScancodeDecoder(), 0x1C, 0x0E, 0x0F, 0x01));

    [Fact]
    public void ExtendedShiftFakesAndUnknownCodesProduceNothing() =>
        // E0 2A (fake shift around Print Screen), F1 (no key), 0x58 (F12: not a character)
        Assert.Equal("", Type(new ScancodeDecoder(), 0xE0, 0x2A, 0xE0, 0xAA, 0x7F, 0x58));
}
