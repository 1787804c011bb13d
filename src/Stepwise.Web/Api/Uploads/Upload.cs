namespace Stepwise.Web.Api.Uploads;

/// <summary>
/// A file received from a client, saved under its own name in a private temporary folder (the readers tell the format
/// from the name, e.g. <c>.xes.gz</c>), with the JSON options sent beside it. Disposing deletes the folder.
/// </summary>
public sealed class Upload : IDisposable
{
    internal Upload(string folder, string fileName, long bytes, string? options)
    {
        Folder = folder;
        FileName = fileName;
        Bytes = bytes;
        Options = options;
    }

    /// <summary>The private folder holding the file.</summary>
    public string Folder { get; }

    /// <summary>The file's name as the client sent it (without folders).</summary>
    public string FileName { get; }

    /// <summary>Where the file is.</summary>
    public string Path => System.IO.Path.Combine(Folder, FileName);

    /// <summary>How many bytes were received.</summary>
    public long Bytes { get; }

    /// <summary>The <c>options</c> part, as JSON text, or null when none was sent.</summary>
    public string? Options { get; }

    /// <summary>Replaces the private folder in a message with nothing, so no server path reaches the client.</summary>
    public string Hide(string message) => (message ?? string.Empty).Replace(Folder + System.IO.Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(Folder, string.Empty, StringComparison.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary-file cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
