namespace MicroOS.Tests.Harness;

// Thrown by QemuMachine when the machine did not do what the test waited for. The message carries
// the whole serial log, so the failure is diagnosable from the test report alone.
public sealed class QemuTestException : Exception
{
    public QemuTestException(string message) : base(message)
    {
    }
}
