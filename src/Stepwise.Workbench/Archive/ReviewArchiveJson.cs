using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stepwise.Mining;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.History;
using Stepwise.Review.People;
using Stepwise.Review.Reviews;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Storage;
using Stepwise.Storage.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Archive;

/// <summary>
/// Writes and reads the <c>stepwise-review</c> JSON document (docs/review-archive.md). Artefact contents are written
/// as JSON objects; reading them back and writing them in canonical form gives the exact bytes whose SHA-256 each
/// version names, so a changed archive is refused. Stored logs are the workspace's own column encoding in base64.
/// A name ending in <c>.gz</c> is gzip-compressed.
/// </summary>
public static class ReviewArchiveJson
{
    /// <summary>The largest archive read (after decompression).</summary>
    public const long MaxBytes = 2L << 30;

    /// <summary>Writes <paramref name="archive"/> to <paramref name="path"/> (a temporary name first, so a failed write leaves no half file).</summary>
    public static void Write(string path, ReviewArchive archive)
    {
        ArgumentNullException.ThrowIfNull(path);
        string temp = path + ".partial";
        try
        {
            using (var file = File.Create(temp))
            using (var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? (Stream)new GZipStream(file, CompressionLevel.Optimal) : file)
            {
                Write(stream, archive);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes <paramref name="archive"/> as indented UTF-8 JSON.</summary>
    public static void Write(Stream stream, ReviewArchive archive)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(archive);
        var s = archive.Snapshot;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", ReviewArchive.Format);
        w.WriteNumber("format_version", archive.FormatVersion);
        w.WriteString("exported_at", Time(archive.ExportedAt));
        w.WriteString("exported_by", archive.ExportedBy);
        w.WriteString("producer", archive.Producer);
        w.WriteStartObject("review");
        w.WriteString("id", s.Entry.Id);
        w.WriteString("type", s.Entry.Type == ReviewType.Process ? "process" : "quality");
        w.WriteString("created_at", Time(s.Entry.CreatedAt));
        w.WriteEndObject();

        w.WriteStartArray("artefacts");
        foreach (var v in s.Versions)
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind(v.Artefact.Kind));
            w.WriteString("id", v.Artefact.Id);
            w.WriteNumber("version", v.Version);
            w.WriteString("hash", v.Hash.Hex);
            w.WriteString("changed_by", v.ChangedBy);
            w.WriteString("changed_at", Time(v.ChangedAt));
            w.WritePropertyName("content");
            JsonNode.Parse(v.Json)!.WriteTo(w);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("history");
        foreach (var h in s.History)
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind(h.Artefact.Kind));
            w.WriteString("artefact_id", h.Artefact.Id);
            w.WriteNumber("version", h.Version);
            w.WriteString("action", Validation.Kebab(h.Action.ToString()));
            w.WriteString("by", h.By);
            w.WriteString("at", Time(h.At));
            w.WriteString("summary", h.Summary);
            w.WriteStartArray("changes");
            foreach (var c in h.Changes)
            {
                w.WriteStartObject();
                w.WriteString("field", c.Path);
                WriteNullable(w, "before", c.Before);
                WriteNullable(w, "after", c.After);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sign_offs");
        foreach (var o in s.SignOffs)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteString("kind", Kind(o.Artefact.Kind));
            w.WriteString("artefact_id", o.Artefact.Id);
            w.WriteNumber("version", o.Version);
            w.WriteString("hash", o.ContentHash.Hex);
            w.WriteString("stakeholder_id", o.StakeholderId);
            w.WriteString("name", o.Name);
            w.WriteString("group", Validation.Kebab(o.Group.ToString()));
            w.WriteString("role", Validation.Kebab(o.Role.ToString()));
            w.WriteString("decision", Validation.Kebab(o.Decision.ToString()));
            WriteNullable(w, "reason", o.Reason);
            w.WriteString("at", Time(o.At));
            WriteNullable(w, "entered_by", o.EnteredBy);
            WriteNullable(w, "entered_by_user_id", o.EnteredByUserId?.ToString("D"));
            w.WriteBoolean("on_behalf", o.OnBehalf);
            WriteNullable(w, "on_behalf_reason", o.OnBehalfReason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("data_sources");
        foreach (var d in s.DataSources)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("kind", Validation.Kebab(d.Kind.ToString()));
            w.WriteString("file_name", d.FileName);
            w.WriteString("sha256", d.ContentHash.Hex);
            w.WriteNumber("rows", d.Rows);
            w.WriteNumber("cases", d.Cases);
            w.WriteNumber("records", d.Records);
            w.WriteString("imported_at", Time(d.ImportedAt));
            w.WriteString("imported_by", d.ImportedBy);
            w.WritePropertyName("import_options");
            JsonNode.Parse(d.ImportOptions)!.WriteTo(w);
            if (s.Logs.TryGetValue(d.Id, out var log))
            {
                var (manifest, columns) = LogCodec.Encode(log);
                w.WriteStartObject("log");
                w.WritePropertyName("manifest");
                JsonNode.Parse(LogCodec.ManifestJson(manifest))!.WriteTo(w);
                w.WriteStartObject("columns");
                foreach (var column in columns)
                {
                    w.WriteBase64String(column.Key, column.Bytes.Span);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("log");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads an archive file (gzip-compressed when its name ends in .gz).</summary>
    /// <exception cref="StepwiseException">The file is missing, too large or not a valid archive (bad file, naming where).</exception>
    public static ReviewArchive Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new StepwiseException(ProblemKind.BadFile, $"{path}: no such file.") { Location = new FileLocation(Path.GetFileName(path)) };
        }

        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file;
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads an archive from a stream; <paramref name="name"/> names it in messages.</summary>
    /// <exception cref="StepwiseException">It is too large or not a valid archive (bad file, naming the field).</exception>
    public static ReviewArchive Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new StepwiseException(ProblemKind.TooLarge, $"{name} is larger than {MaxBytes >> 30} GiB; it is not read.") { Location = new FileLocation(name) };
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException ex)
        {
            throw new StepwiseException(ProblemKind.BadFile, $"{name}, line {ex.LineNumber + 1}: not valid JSON ({ex.Message.Split(" Path:", 2)[0]}).", ex) { Location = new FileLocation(name, ex.LineNumber + 1, ex.BytePositionInLine + 1) };
        }

        using (document)
        {
            try
            {
                return Parse(document.RootElement);
            }
            catch (ArchiveFieldException ex)
            {
                throw new StepwiseException(ProblemKind.BadFile, $"{name}: {ex.Field}: {ex.Message}", ex) { Location = new FileLocation(name) };
            }
            catch (Exception ex) when (ex is ReviewRuleException or InvalidDataException or FormatException)
            {
                throw new StepwiseException(ProblemKind.BadFile, $"{name}: {ex.Message}", ex) { Location = new FileLocation(name) };
            }
        }
    }

    private static ReviewArchive Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "format", "format") != ReviewArchive.Format)
        {
            throw new ArchiveFieldException("format", $"expected \"{ReviewArchive.Format}\": this is not an exported Stepwise review.");
        }

        int version = (int)Number(root, "format_version", "format_version");
        if (version != ReviewArchive.CurrentVersion)
        {
            throw new ArchiveFieldException("format_version", $"is {version}; this Stepwise reads version {ReviewArchive.CurrentVersion}.");
        }

        var review = Child(root, "review", "review");
        var entry = new ReviewEntry(Id(review, "id", "review.id"), Text(review, "type", "review.type") switch
        {
            "process" => ReviewType.Process,
            "quality" => ReviewType.Quality,
            var other => throw new ArchiveFieldException("review.type", $"'{other}' must be process or quality."),
        }, Instant(review, "created_at", "review.created_at"));

        var versions = new List<StoredArtefact>();
        int i = 0;
        foreach (var a in Array(root, "artefacts"))
        {
            string at = $"artefacts[{i++}]";
            var content = Child(a, "content", at + ".content");
            versions.Add(new StoredArtefact(entry.Id, new ArtefactRef(KindOf(Text(a, "kind", at + ".kind"), at + ".kind"), Id(a, "id", at + ".id")), Number(a, "version", at + ".version"),
                new ContentHash(Text(a, "hash", at + ".hash")), CanonicalJson.Canonicalize(JsonNode.Parse(content.GetRawText())), Text(a, "changed_by", at + ".changed_by"), Instant(a, "changed_at", at + ".changed_at")));
        }

        var history = new List<HistoryEntry>();
        i = 0;
        foreach (var h in Array(root, "history"))
        {
            string at = $"history[{i++}]";
            var changes = new List<FieldChange>();
            int j = 0;
            foreach (var c in Array(h, "changes", at + ".changes"))
            {
                string cat = $"{at}.changes[{j++}]";
                changes.Add(new FieldChange(Text(c, "field", cat + ".field"), Optional(c, "before"), Optional(c, "after")));
            }

            history.Add(new HistoryEntry(0, entry.Id, new ArtefactRef(KindOf(Text(h, "kind", at + ".kind"), at + ".kind"), Id(h, "artefact_id", at + ".artefact_id")), Number(h, "version", at + ".version"),
                Enum<HistoryAction>(Text(h, "action", at + ".action"), at + ".action"), Text(h, "by", at + ".by"), Instant(h, "at", at + ".at"), Text(h, "summary", at + ".summary"), changes));
        }

        var signOffs = new List<SignOff>();
        i = 0;
        foreach (var o in Array(root, "sign_offs"))
        {
            string at = $"sign_offs[{i++}]";
            signOffs.Add(new SignOff
            {
                Id = Id(o, "id", at + ".id"),
                ReviewId = entry.Id,
                Artefact = new ArtefactRef(KindOf(Text(o, "kind", at + ".kind"), at + ".kind"), Id(o, "artefact_id", at + ".artefact_id")),
                Version = Number(o, "version", at + ".version"),
                ContentHash = new ContentHash(Text(o, "hash", at + ".hash")),
                StakeholderId = Id(o, "stakeholder_id", at + ".stakeholder_id"),
                Name = Text(o, "name", at + ".name"),
                Group = Enum<StakeholderGroup>(Text(o, "group", at + ".group"), at + ".group"),
                Role = Enum<RaciRole>(Text(o, "role", at + ".role"), at + ".role"),
                Decision = Enum<SignOffDecision>(Text(o, "decision", at + ".decision"), at + ".decision"),
                Reason = Optional(o, "reason"),
                At = Instant(o, "at", at + ".at"),
                EnteredBy = Optional(o, "entered_by"),
                EnteredByUserId = Optional(o, "entered_by_user_id") is { } u ? Guid.Parse(u) : null,
                OnBehalf = o.TryGetProperty("on_behalf", out var b) && b.ValueKind == JsonValueKind.True,
                OnBehalfReason = Optional(o, "on_behalf_reason"),
            });
        }

        var sources = new List<DataSource>();
        var logs = new Dictionary<Guid, EventLog>();
        i = 0;
        foreach (var d in Array(root, "data_sources"))
        {
            string at = $"data_sources[{i++}]";
            var source = new DataSource
            {
                Id = Id(d, "id", at + ".id"),
                ReviewId = entry.Id,
                Kind = Enum<DataSourceKind>(Text(d, "kind", at + ".kind"), at + ".kind"),
                FileName = Text(d, "file_name", at + ".file_name"),
                ContentHash = new ContentHash(Text(d, "sha256", at + ".sha256")),
                Rows = Number(d, "rows", at + ".rows"),
                Cases = Number(d, "cases", at + ".cases"),
                Records = Number(d, "records", at + ".records"),
                ImportedAt = Instant(d, "imported_at", at + ".imported_at"),
                ImportedBy = Text(d, "imported_by", at + ".imported_by"),
                ImportOptions = CanonicalJson.Canonicalize(JsonNode.Parse(Child(d, "import_options", at + ".import_options").GetRawText())),
            };
            sources.Add(source);
            if (d.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object)
            {
                var manifest = LogCodec.ReadManifest(Child(log, "manifest", at + ".log.manifest").GetRawText());
                var columns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                foreach (var column in Child(log, "columns", at + ".log.columns").EnumerateObject())
                {
                    columns[column.Name] = column.Value.TryGetBytesFromBase64(out var bytes) ? bytes : throw new ArchiveFieldException($"{at}.log.columns.{column.Name}", "is not base64.");
                }

                var decoded = LogCodec.Decode(manifest, columns);
                if (decoded.CaseCount != source.Cases || decoded.EventCount != source.Records)
                {
                    throw new ArchiveFieldException(at + ".log", $"holds {decoded.CaseCount} cases and {decoded.EventCount} events; the data source records {source.Cases} and {source.Records}.");
                }

                logs[source.Id] = decoded;
            }
        }

        var snapshot = new ReviewSnapshot(entry, versions, history, signOffs, sources, logs);
        return new ReviewArchive(version, Instant(root, "exported_at", "exported_at"), Text(root, "exported_by", "exported_by"), Optional(root, "producer") ?? "unknown", snapshot);
    }

    /// <summary>The kind as the archive spells it, e.g. <c>implementation-plan</c>.</summary>
    public static string Kind(ArtefactKind kind) => Validation.Kebab(kind.ToString());

    private static ArtefactKind KindOf(string text, string field) => Enum<ArtefactKind>(text, field);

    private static T Enum<T>(string text, string field)
        where T : struct, Enum
    {
        var v = new Validation();
        return v.Enum<T>(field, text) ?? throw new ArchiveFieldException(field, v.Errors.Count > 0 ? v.Errors[0].Message : "is empty.");
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static JsonElement Child(JsonElement e, string name, string field)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : throw new ArchiveFieldException(field, "expected an object.");

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string name, string? field = null)
        => e.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Array ? child.EnumerateArray() : throw new ArchiveFieldException(field ?? name, "expected a list.");

    private static string Text(JsonElement e, string name, string field)
        => e.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.String ? child.GetString()! : throw new ArchiveFieldException(field, "expected text.");

    private static string? Optional(JsonElement e, string name)
        => e.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.String ? child.GetString() : null;

    private static long Number(JsonElement e, string name, string field)
        => e.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Number && child.TryGetInt64(out long n) ? n : throw new ArchiveFieldException(field, "expected a whole number.");

    private static Guid Id(JsonElement e, string name, string field)
        => Guid.TryParse(Text(e, name, field), out var id) ? id : throw new ArchiveFieldException(field, "expected an id (a UUID).");

    private static DateTimeOffset Instant(JsonElement e, string name, string field)
        => DateTimeOffset.TryParse(Text(e, name, field), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : throw new ArchiveFieldException(field, "expected a time in ISO-8601.");

    private sealed class ArchiveFieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
