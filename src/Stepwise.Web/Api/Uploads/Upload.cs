using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Uploads;

/// <summary>
/// A file received from a client, saved under its own name in a private temporary folder (the readers tell the format
/// from the name, e.g. <c>.xes.gz</c>), with the JSON options sent beside it. Disposing deletes the folder.
/// </summary>
public sealed class Upload : IDisposable
{
    /// <summary>The name of the part that holds the file, when a route takes one.</summary>
    public const string FilePart = "file";

    private readonly IReadOnlyDictionary<string, string> _files;

    internal Upload(string folder, IReadOnlyDictionary<string, string> files, long bytes, string? options)
    {
        Folder = folder;
        _files = files;
        Bytes = bytes;
        Options = options;
    }

    /// <summary>The private folder holding the file.</summary>
    public string Folder { get; }

    /// <summary>The name, as the client sent it (without folders), of the part <c>file</c>.</summary>
    public string FileName => NameOf(FilePart);

    /// <summary>Where the part <c>file</c> is.</summary>
    public string Path => PathOf(FilePart);

    /// <summary>Where the file sent as <paramref name="part"/> is.</summary>
    public string PathOf(string part) => System.IO.Path.Combine(Folder, _files[part]);

    /// <summary>The name, as the client sent it, of the file sent as <paramref name="part"/>.</summary>
    public string NameOf(string part) => System.IO.Path.GetFileName(_files[part]);

    /// <summary>How many bytes were received, all files together.</summary>
    public long Bytes { get; }

    /// <summary>The <c>options</c> part, as JSON text, or null when none was sent.</summary>
    public string? Options { get; }

    /// <summary>Replaces the private folder in a message with nothing, so no server path reaches the client.</summary>
    public string Hide(string message) => (message ?? string.Empty).Replace(Folder + System.IO.Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(Folder, string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// Runs work on the uploaded files; a problem whose message or location names the private folder is told without
    /// it (the file as the client named it), so no server path reaches the client.
    /// </summary>
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Reveals(ex))
        {
            var problem = ProblemCatalog.Describe(ex);
            throw new StepwiseException(problem.Kind, Hide(problem.Detail), ex)
            {
                Location = problem.Location is { } at ? at with { File = Hide(at.File) } : null,
            };
        }
    }

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

    private bool Reveals(Exception ex)
    {
        var problem = ProblemCatalog.Describe(ex);
        return problem.Detail.Contains(Folder, StringComparison.Ordinal) || problem.Location?.File.Contains(Folder, StringComparison.Ordinal) == true;
    }
}
