namespace MicroOS.Shared.Devices
{
    // An 80x25 VGA text screen: cells of (attribute << 8 | character), a cursor, scrolling. Pure
    // logic over a cell array, so host tests check it and the console server points it at the VGA
    // buffer (a Frame capability for 0xB8000 mapped into its address space) or at a copy. Here, not
    // in the console, so the pointer to device memory stays out of a server's own code.
    public sealed unsafe class TextScreen
    {
        public const int Columns = 80;
        public const int Rows = 25;
        public const ushort DefaultAttribute = 0x07;    // light grey on black

        private readonly ushort* _cells;
        public int Row { get; private set; }
        public int Column { get; private set; }
        public ushort Attribute = DefaultAttribute;

        public TextScreen(ushort* cells) => _cells = cells;

        // Over the cells mapped at `address` (FrameCap.Map of the text buffer).
        public TextScreen(ulong address) => _cells = (ushort*)address;

        public ushort Cell(int row, int column) => _cells[row * Columns + column];

        public char CharAt(int row, int column) => (char)(Cell(row, column) & 0xFF);

        public void Clear()
        {
            for (int i = 0; i < Columns * Rows; i++)
                _cells[i] = Blank;
            Row = 0;
            Column = 0;
        }

        // \n moves to the next line, \r to its start, \b one cell back (erasing it), \t to the next
        // multiple of 8; anything outside printable ASCII shows as '?'.
        public void Write(char c)
        {
            switch (c)
            {
                case '\n':
                    NewLine();
                    return;
                case '\r':
                    Column = 0;
                    return;
                case '\b':
                    if (Column > 0)
                        Column--;
                    else if (Row > 0)
                    {
                        Row--;
                        Column = Columns - 1;
                    }
                    _cells[Row * Columns + Column] = Blank;
                    return;
                case '\t':
                    do
                        Put(' ');
                    while (Column % 8 != 0);
                    return;
            }
            Put(c >= ' ' && c < (char)0x7F ? c : '?');
        }

        // One cell to the left without erasing it (a terminal's backspace: the line editor's echo
        // moves with it and overwrites what it means to erase).
        public void CursorLeft()
        {
            if (Column > 0)
                Column--;
            else if (Row > 0)
            {
                Row--;
                Column = Columns - 1;
            }
        }

        // Continues below what is on the screen already (the kernel's boot log): the row after the
        // last non-blank one, scrolling when that is the bottom row.
        public void ContinueAfterText()
        {
            int row = Rows - 1;
            while (row >= 0 && RowText(row).Length == 0)
                row--;
            Row = row < 0 ? 0 : row;
            Column = 0;
            if (row >= 0)
                NewLine();
        }

        public void Write(string text)
        {
            for (int i = 0; i < text.Length; i++)
                Write(text[i]);
        }

        // The text of one row, trailing blanks removed (for tests and for the shell's screen dumps).
        public string RowText(int row)
        {
            int end = Columns;
            while (end > 0 && CharAt(row, end - 1) == ' ')
                end--;
            char[] chars = new char[end];
            for (int i = 0; i < end; i++)
                chars[i] = CharAt(row, i);
            return new string(chars);
        }

        private ushort Blank => (ushort)(Attribute << 8 | ' ');

        private void Put(char c)
        {
            _cells[Row * Columns + Column] = (ushort)(Attribute << 8 | c);
            if (++Column == Columns)
                NewLine();
        }

        private void NewLine()
        {
            Column = 0;
            if (Row < Rows - 1)
            {
                Row++;
                return;
            }
            for (int i = 0; i < (Rows - 1) * Columns; i++)
                _cells[i] = _cells[i + Columns];
            for (int i = (Rows - 1) * Columns; i < Rows * Columns; i++)
                _cells[i] = Blank;
        }
    }
}
