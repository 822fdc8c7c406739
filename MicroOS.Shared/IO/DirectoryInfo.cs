namespace System.IO
{
    // What Directory.CreateDirectory returns; only its names and Exists.
    public sealed class DirectoryInfo
    {
        public DirectoryInfo(string path) => FullName = MicroOS.Shared.User.FileSystem.FullPath(path);

        public string FullName { get; }
        public string Name => FullName == "/" ? "/" : Path.GetFileName(FullName);
        public bool Exists => Directory.Exists(FullName);
        public override string ToString() => FullName;
    }
}
