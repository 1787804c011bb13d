namespace Stepwise.Mining.IO.Archives;

/// <summary>One file in a zip archive, as its central directory describes it.</summary>
/// <param name="FullName">The path inside the archive.</param>
/// <param name="Method">Compression method: 0 stored, 8 deflate.</param>
/// <param name="Flags">General-purpose flags (bit 0 encrypted, bit 3 sizes in a data descriptor).</param>
/// <param name="Crc">The CRC-32 of the content.</param>
/// <param name="CompressedSize">Bytes of compressed data.</param>
/// <param name="Size">Bytes of content.</param>
/// <param name="LocalHeaderOffset">Where the entry's local header starts.</param>
internal sealed record ZipEntryInfo(string FullName, int Method, int Flags, uint Crc, long CompressedSize, long Size, long LocalHeaderOffset)
{
    /// <summary>The file name without folders.</summary>
    public string Name => FullName[(FullName.LastIndexOf('/') + 1)..];

    /// <summary>Whether the entry is a folder.</summary>
    public bool IsFolder => FullName.EndsWith('/');
}
