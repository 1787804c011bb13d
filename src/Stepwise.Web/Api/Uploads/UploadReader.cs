using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Uploads;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload as a stream: the <c>file</c> part goes straight to a temporary file as it
/// arrives (never whole in memory), counted against <see cref="UploadLimits.MaxUploadBytes"/>; the <c>options</c> part
/// (JSON, at most 64 KiB) is kept as text. Anything else is refused with the part named.
/// </summary>
public static class UploadReader
{
    private const int MaxOptionsBytes = 64 * 1024;

    /// <summary>Reads the upload of a request.</summary>
    /// <exception cref="StepwiseException">Not a multipart upload, no file or two, an unknown part (invalid value), or too large.</exception>
    public static async Task<Upload> ReadAsync(HttpRequest request, UploadLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            throw StepwiseException.Invalid("body", "must be multipart/form-data with a part named file (the file) and optionally a part named options (JSON), e.g. curl -F file=@helpdesk.xes.gz -F 'options={\"timezone\":\"Europe/London\"}'.");
        }

        if (request.ContentLength > limits.MaxUploadBytes + MaxOptionsBytes + 64 * 1024)
        {
            throw TooLarge(limits);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxUploadBytes + MaxOptionsBytes + 64 * 1024;
        }

        string folder = Directory.CreateTempSubdirectory("stepwise-upload-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
            string? fileName = null;
            string? options = null;
            long bytes = 0;
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw StepwiseException.Invalid("body", "has a part without a form-data Content-Disposition; name the parts file and options.");
                }

                string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                switch (name)
                {
                    case "file":
                        if (fileName is not null)
                        {
                            throw StepwiseException.Invalid("file", "was sent twice; upload one file at a time.");
                        }

                        fileName = SafeName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                        bytes = await CopyAsync(section.Body, Path.Combine(folder, fileName), limits, cancellationToken);
                        break;
                    case "options":
                        options = await ReadOptionsAsync(section.Body, cancellationToken);
                        break;
                    default:
                        throw StepwiseException.Invalid(name.Length == 0 ? "body" : name, "is not a part of this upload; send file and, optionally, options.");
                }
            }

            if (fileName is null)
            {
                throw StepwiseException.Invalid("file", "is required: send the file as the part named file (curl -F file=@helpdesk.xes.gz).");
            }

            return new Upload(folder, fileName, bytes, options);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static async Task<long> CopyAsync(Stream body, string path, UploadLimits limits, CancellationToken cancellationToken)
    {
        long total = 0;
        var buffer = new byte[81920];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limits.MaxUploadBytes)
            {
                throw TooLarge(limits);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static async Task<string> ReadOptionsAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxOptionsBytes)
            {
                throw new StepwiseException(ProblemKind.TooLarge, $"The options part is larger than {MaxOptionsBytes / 1024} KiB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Only the last path segment, without control characters or characters file systems refuse; the extension kept.
    private static string SafeName(string? name)
    {
        string last = (name ?? string.Empty).Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..].Trim();
        var kept = new StringBuilder(last.Length);
        foreach (char c in last)
        {
            kept.Append(char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c);
        }

        string safe = kept.ToString().TrimStart('.');
        if (safe.Length == 0)
        {
            throw StepwiseException.Invalid("file", "has no file name; send it as curl does (-F file=@helpdesk.xes.gz), so its format can be told from the name.");
        }

        return safe.Length <= 200 ? safe : safe[^200..];
    }

    private static StepwiseException TooLarge(UploadLimits limits)
        => new(ProblemKind.TooLarge, $"The upload is larger than this server accepts ({limits.MaxUploadMb.ToString(CultureInfo.InvariantCulture)} MB; an administrator can raise Stepwise:Api:MaxUploadMb). Compress it (.gz or .zip) or split it.");
}
