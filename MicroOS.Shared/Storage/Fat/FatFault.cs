using System;
using MicroOS.Shared.Contracts;

namespace MicroOS.Shared.Storage.Fat
{
    // Raised deep inside the library when the volume is unsound (a chain loop, a cluster past the end)
    // or the disk fails; FatVolume's public operations catch it and answer its FsError, so the layers
    // below need not thread an error through every return. Nothing outside the library sees it.
    internal sealed class FatFault : Exception
    {
        public readonly FsError Error;
        public readonly FsMountError Detail;
        public readonly long DeviceError;

        public FatFault(FsError error, FsMountError detail, long deviceError = 0)
        {
            Error = error;
            Detail = detail;
            DeviceError = deviceError;
        }

        public static FatFault Corrupt(FsMountError detail) => new FatFault(FsError.Corrupt, detail);
        public static FatFault Device(long blockError) => new FatFault(FsError.DeviceError, FsMountError.None, blockError);
    }
}
