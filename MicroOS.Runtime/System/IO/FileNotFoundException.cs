namespace System.IO
{
    public class FileNotFoundException : IOException
    {
        public FileNotFoundException() : base("Unable to find the specified file.") { }
        public FileNotFoundException(string message) : base(message) { }
        public FileNotFoundException(string message, string fileName) : base(message) { FileName = fileName; }
        public string FileName { get; }
        public override string TypeName => "System.IO.FileNotFoundException";
    }
}
