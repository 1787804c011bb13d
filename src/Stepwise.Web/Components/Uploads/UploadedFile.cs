using Microsoft.AspNetCore.Components.Forms;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Components.Uploads;

/// <summary>
/// A file a user uploaded through a page, kept in a private temporary folder under its own name (the readers tell the
/// format from it) until the page is done with it. The copy is bounded by the same limit as the HTTP API's uploads
/// (<c>Stepwise:Api:MaxUploadMb</c>), reports its progress and can be cancelled; a failed or cancelled copy leaves nothing.
/// </summary>
public sealed class UploadedFile : IDisposable
{
    private readonly string _folder;

    private UploadedFile(string folder, string path, string name, long bytes)
    {
        _folder = folder;
        Path = path;
        Name = name;
        Bytes = bytes;
    }

    /// <summary>Where the copy is.</summary>
    public string Path { get; }

    /// <summary>The file's name as the user knows it.</summary>
    public string Name { get; }

    /// <summary>Its size in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Copies <paramref name="file"/> from the browser, reporting the share copied from 0 to 1.</summary>
    /// <exception cref="StepwiseException">The file is larger than <paramref name="maxBytes"/> (too large) or has no usable name.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing is kept.</exception>
    public static async Task<UploadedFile> CopyAsync(IBrowserFile file, long maxBytes, string limitText, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > maxBytes)
        {
            throw new StepwiseException(ProblemKind.TooLarge, $"{file.Name} is larger than this server accepts ({limitText}; an administrator can raise Stepwise:Api:MaxUploadMb). Compress it (.gz or .zip) or split it.");
        }

        // The name comes from the browser: keep only its last part, and refuse names that are no file name at all.
        string name = System.IO.Path.GetFileName(file.Name.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.Any(char.IsControl))
        {
            throw StepwiseException.Invalid("file", "has no usable file name; rename it, e.g. tickets.csv.");
        }

        string folder = Api.Uploads.UploadLimits.CreatePrivateFolder(null, "stepwise-page-upload-");

        string path = System.IO.Path.Combine(folder, name);
        try
        {
            long copied = 0;
            await using (var source = file.OpenReadStream(maxBytes, cancellationToken))
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    copied += read;
                    if (copied > maxBytes)
                    {
                        throw new StepwiseException(ProblemKind.TooLarge, $"{name} is larger than this server accepts ({limitText}).");
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    progress?.Report(file.Size == 0 ? 1 : Math.Min(1, copied / (double)file.Size));
                }
            }

            return new UploadedFile(folder, path, name, copied);
        }
        catch
        {
            Delete(folder);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Delete(_folder);

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a reader being cancelled: the temporary folder is cleaned by the system later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
