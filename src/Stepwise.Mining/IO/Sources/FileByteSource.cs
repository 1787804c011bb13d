using Microsoft.Win32.SafeHandles;

namespace Stepwise.Mining.IO.Sources;

/// <summary>A plain file, read with positioned reads (several threads at once).</summary>
internal sealed class FileByteSource : ByteSource
{
    private readonly SafeFileHandle _handle;

    public FileByteSource(string path)
    {
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        Length = RandomAccess.GetLength(_handle);
    }

    public override long Length { get; }

    public override int Read(long offset, Span<byte> buffer) => offset >= Length ? 0 : RandomAccess.Read(_handle, buffer, offset);

    public override void Dispose() => _handle.Dispose();
}
