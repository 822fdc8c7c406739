namespace MicroOS.Build
{
    // This project exists for its MSBuild target (the ISO); the assembly carries only this marker.
    internal static class IsoImage
    {
        public const string Path = "iso/MicroOS.iso";
    }
}
