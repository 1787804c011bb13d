using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Uploads;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload as a stream: each file part (<c>file</c>, or the parts a route names, e.g.
/// <c>population</c> and <c>file</c> for a sample check) goes straight to a temporary file as it arrives (never whole in
/// memory), all of them counted together against <see cref="UploadLimits.MaxUploadBytes"/>; the <c>options</c> part
/// (JSON, at most 64 KiB) is kept as text. Anything else is refused with the part named.
/// </summary>
public static class UploadReader
{
    private const int MaxOptionsBytes = 64 * 1024;

    /// <summary>Reads the upload of a request: one part named <c>file</c>.</summary>
    /// <exception cref="StepwiseException">Not a multipart upload, no file or two, an unknown part (invalid value), or too large.</exception>
    public static Task<Upload> ReadAsync(HttpRequest request, UploadLimits limits, CancellationToken cancellationToken)
        => ReadAsync(request, limits, [Upload.FilePart], cancellationToken);

    /// <summary>
    /// Reads the upload of a request with the file parts <paramref name="parts"/>, every one required. The part
    /// <c>file</c> is saved at the top of the private folder, any other in a folder of its own name, so two files
    /// with the same name do not meet.
    /// </summary>
    /// <exception cref="StepwiseException">Not a multipart upload, a file missing or sent twice, an unknown part (invalid value), or too large.</exception>
    public static async Task<Upload> ReadAsync(HttpRequest request, UploadLimits limits, IReadOnlyList<string> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
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

        string folder = limits.CreatePrivateFolder("stepwise-upload-");

        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
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
                if (parts.Contains(name, StringComparer.Ordinal))
                {
                    if (files.ContainsKey(name))
                    {
                        throw StepwiseException.Invalid(name, "was sent twice; send each file once.");
                    }

                    string fileName = SafeName(name, HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    string relative = name == Upload.FilePart ? fileName : Path.Combine(name, fileName);
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, relative))!);
                    bytes += await CopyAsync(section.Body, Path.Combine(folder, relative), limits, limits.MaxUploadBytes - bytes, cancellationToken);
                    files[name] = relative;
                }
                else if (name == "options")
                {
                    options = await ReadOptionsAsync(section.Body, cancellationToken);
                }
                else
                {
                    throw StepwiseException.Invalid(name.Length == 0 ? "body" : name, $"is not a part of this upload; send {Listed(parts)} and, optionally, options.");
                }
            }

            foreach (string part in parts.Where(p => !files.ContainsKey(p)))
            {
                throw StepwiseException.Invalid(part, $"is required: send the file as the part named {part} (curl -F {part}=@{(part == Upload.FilePart ? "helpdesk.xes.gz" : part + ".csv")}).");
            }

            return new Upload(folder, files, bytes, options);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static async Task<long> CopyAsync(Stream body, string path, UploadLimits limits, long allowed, CancellationToken cancellationToken)
    {
        long total = 0;
        var buffer = new byte[81920];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > allowed)
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
    private static string SafeName(string part, string? name)
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
            throw StepwiseException.Invalid(part, $"has no file name; send it as curl does (-F {part}=@helpdesk.xes.gz), so its format can be told from the name.");
        }

        return safe.Length <= 200 ? safe : safe[^200..];
    }

    private static string Listed(IReadOnlyList<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static StepwiseException TooLarge(UploadLimits limits)
        => new(ProblemKind.TooLarge, $"The upload is larger than this server accepts ({limits.MaxUploadMb.ToString(CultureInfo.InvariantCulture)} MB; an administrator can raise Stepwise:Api:MaxUploadMb). Compress it (.gz or .zip) or split it.");
}
