using System.Runtime.CompilerServices;

namespace System.Text
{
    // One growable char buffer (no chunk list): servers build short log lines and messages.
    public sealed class StringBuilder
    {
        private char[] _chars;
        private int _length;

        public StringBuilder() { _chars = new char[16]; }
        public StringBuilder(int capacity) { _chars = new char[capacity > 0 ? capacity : 16]; }
        public StringBuilder(string value) : this(value == null ? 16 : value.Length + 16) { Append(value); }

        public int Length
        {
            get => _length;
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException("value");
                Ensure(value);
                for (int i = _length; i < value; i++) _chars[i] = '\0';
                _length = value;
            }
        }

        public int Capacity => _chars.Length;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get { if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException(); return _chars[index]; }
            set { if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException(); _chars[index] = value; }
        }

        private void Ensure(int needed)
        {
            if (needed <= _chars.Length) return;
            int size = _chars.Length * 2;
            if (size < needed) size = needed;
            char[] larger = new char[size];
            for (int i = 0; i < _length; i++) larger[i] = _chars[i];
            _chars = larger;
        }

        public StringBuilder Append(char value)
        {
            Ensure(_length + 1);
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            Ensure(_length + repeatCount);
            for (int i = 0; i < repeatCount; i++) _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(string value)
        {
            if (value == null) return this;
            Ensure(_length + value.Length);
            for (int i = 0; i < value.Length; i++) _chars[_length++] = value[i];
            return this;
        }

        public StringBuilder Append(string value, int startIndex, int count) => Append(value.Substring(startIndex, count));

        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            Ensure(_length + value.Length);
            for (int i = 0; i < value.Length; i++) _chars[_length++] = value[i];
            return this;
        }

        public StringBuilder Append(char[] value) => value == null ? this : Append(new ReadOnlySpan<char>(value));
        public StringBuilder Append(object value) => value == null ? this : Append(value.ToString());
        public StringBuilder Append(bool value) => Append(value ? "True" : "False");
        public StringBuilder Append(int value) => Append(value.ToString());
        public StringBuilder Append(long value) => Append(value.ToString());
        public StringBuilder Append(uint value) => Append(value.ToString());
        public StringBuilder Append(ulong value) => Append(value.ToString());
        public StringBuilder Append(short value) => Append(value.ToString());
        public StringBuilder Append(ushort value) => Append(value.ToString());
        public StringBuilder Append(byte value) => Append(value.ToString());
        public StringBuilder Append(sbyte value) => Append(value.ToString());
        public StringBuilder Append(double value) => Append(value.ToString());
        public StringBuilder Append(float value) => Append(value.ToString());
        public StringBuilder Append(StringBuilder value) => value == null ? this : Append(value.ToString());

        public StringBuilder AppendLine() => Append('\n');
        public StringBuilder AppendLine(string value) => Append(value).Append('\n');

        public StringBuilder AppendFormat(string format, object arg0) => Append(string.Format(format, arg0));
        public StringBuilder AppendFormat(string format, object arg0, object arg1) => Append(string.Format(format, arg0, arg1));
        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) => Append(string.Format(format, arg0, arg1, arg2));
        public StringBuilder AppendFormat(string format, params object[] args) => Append(string.Format(format, args));

        public StringBuilder AppendJoin(string separator, params object[] values) => Append(string.Join(separator, values));
        public StringBuilder AppendJoin(string separator, params string[] values) => Append(string.Join(separator, values));

        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException("index");
            if (value == null) return this;
            Ensure(_length + value.Length);
            for (int i = _length - 1; i >= index; i--) _chars[i + value.Length] = _chars[i];
            for (int i = 0; i < value.Length; i++) _chars[index + i] = value[i];
            _length += value.Length;
            return this;
        }

        public StringBuilder Insert(int index, char value) => Insert(index, string.FromChar(value));
        public StringBuilder Insert(int index, object value) => Insert(index, value?.ToString());

        public StringBuilder Remove(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > _length - length) throw new ArgumentOutOfRangeException("length");
            for (int i = startIndex + length; i < _length; i++) _chars[i - length] = _chars[i];
            _length -= length;
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue)
        {
            string s = ToString().Replace(oldValue, newValue);
            _length = 0;
            return Append(s);
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            for (int i = 0; i < _length; i++)
                if (_chars[i] == oldChar) _chars[i] = newChar;
            return this;
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public override string ToString() => new string(_chars, 0, _length);

        public string ToString(int startIndex, int length) => new string(_chars, startIndex, length);
    }
}
