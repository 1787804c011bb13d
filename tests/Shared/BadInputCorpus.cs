using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Stepwise.Testing;

/// <summary>
/// The bad-input corpus (<c>tests/bad-input</c>): hostile and unusual files with what every reader must do with
/// them (the exit code and message of the command line, the events read when a file is accepted, and the most
/// memory a process reading it may use). Small files are committed under <c>files/</c>; large hostile ones are
/// generated here at test time (named by <see cref="Case.Generate"/>), so that the repository stays small.
/// </summary>
internal static class BadInputCorpus
{
    private static readonly Lazy<IReadOnlyList<Case>> Cases = new(Load);
    private static readonly object Gate = new();
    private static readonly Dictionary<string, string> Made = [];
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "stepwise-bad-input-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One file of the corpus and what is expected of it.</summary>
    /// <param name="Name">A short name (the test case's name).</param>
    /// <param name="File">A committed file under <c>tests/bad-input/files</c>, or null.</param>
    /// <param name="Generate">The generator that makes the file at test time, or null.</param>
    /// <param name="FileName">The name of the generated file (its extension chooses the reader).</param>
    /// <param name="Args">Options as typed on the command line after the file.</param>
    /// <param name="Verb">The command to run it through.</param>
    /// <param name="Exit">The exit code expected: 0 read, 3 refused with a message (the file cannot be read, or is too large).</param>
    /// <param name="Message">A regular expression the message must match (standard error when refused).</param>
    /// <param name="Events">Events expected when the file is read.</param>
    /// <param name="MaxMemoryMB">The most resident memory, in MB, a process reading the file may reach.</param>
    /// <param name="Why">What the case is about.</param>
    public sealed record Case(string Name, string? File, string? Generate, string? FileName, string[] Args, string Verb, int Exit, string Message, int? Events, int? MaxMemoryMB, string Why)
    {
        /// <summary>Whether the file is read as an event log (every verb but <c>survey</c>, which reads responses).</summary>
        public bool IsLog => Verb != "survey";

        public override string ToString() => Name;
    }

    /// <summary>The cases read as event logs (the engine's log readers run these).</summary>
    public static IReadOnlyList<Case> Logs => [.. All.Where(c => c.IsLog)];

    /// <summary>Every case of the manifest.</summary>
    public static IReadOnlyList<Case> All => Cases.Value;

    /// <summary>The case named <paramref name="name"/>.</summary>
    public static Case Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The path of the case's file, made on first use (once per process).</summary>
    public static string PathOf(Case c)
    {
        if (c.File is not null)
        {
            return c.File.StartsWith("shared:", StringComparison.Ordinal)
                ? SharedData.PathOf(c.File["shared:".Length..])
                : Path.Combine(SharedData.RepositoryRoot, "tests", "bad-input", "files", c.File);
        }

        lock (Gate)
        {
            if (Made.TryGetValue(c.Name, out var made))
            {
                return made;
            }

            if (!Directory.Exists(Scratch))
            {
                Directory.CreateDirectory(Scratch);
                // The generated files reach hundreds of MB; they go with the test process.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteScratch();
            }

            string path = Path.Combine(Scratch, c.FileName ?? c.Name);
            Generators[c.Generate ?? throw new InvalidOperationException($"Case {c.Name} has neither a file nor a generator.")](path);
            Made[c.Name] = path;
            return path;
        }
    }

    private static void DeleteScratch()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A file still open at exit stays behind in the temporary folder; nothing else depends on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IReadOnlyList<Case> Load()
    {
        string manifest = Path.Combine(SharedData.RepositoryRoot, "tests", "bad-input", "manifest.json");
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(manifest), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var cases = new List<Case>();
        foreach (var e in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            string? Text(string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            int? Number(string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
            var args = e.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            cases.Add(new Case(Text("name")!, Text("file"), Text("generate"), Text("fileName"), args, Text("verb") ?? "summary", Number("exit") ?? 3, Text("message") ?? string.Empty, Number("events"), Number("maxMemoryMB"), Text("why") ?? string.Empty));
        }

        return cases;
    }

    private static readonly Dictionary<string, Action<string>> Generators = new()
    {
        ["csv-quoted-field-over-limit"] = path =>
        {
            // Row 3 holds a quoted comment of 17 MiB with a line break every 1,000 characters.
            using var w = new StreamWriter(path, false, new UTF8Encoding(false));
            w.Write("case,activity,timestamp,comment\n1,Open,2020-01-01T09:00:00Z,short\n1,Note,2020-01-01T10:00:00Z,\"");
            var line = new string('x', 999) + "\n";
            for (int i = 0; i < (17 << 20) / 1000; i++)
            {
                w.Write(line);
            }

            w.Write("\"\n1,Close,2020-01-01T11:00:00Z,done\n2,Open,2020-01-02T09:00:00Z,\n2,Close,2020-01-02T10:00:00Z,\n");
        },
        ["csv-row-over-64MiB"] = path =>
        {
            using var w = new StreamWriter(path, false, new UTF8Encoding(false));
            w.Write("case,activity,timestamp,comment\n1,Open,2020-01-01T09:00:00Z,");
            var block = new string('x', 1 << 20);
            for (int i = 0; i < 70; i++)
            {
                w.Write(block);
            }

            w.Write("\n1,Close,2020-01-01T11:00:00Z,done\n");
        },
        ["zip-understated-size"] = path =>
        {
            // The headers say the entry holds the first 1,000 rows; the data holds all 21,348.
            var text = Rows(21348);
            var zip = Zip(("log.csv", text));
            long declared = Encoding.UTF8.GetByteCount(string.Concat(text.Split('\n').Take(1001).Select(l => l + "\n")));
            PatchZip(zip, (local, central) =>
            {
                BitConverter.TryWriteBytes(zip.AsSpan(local + 22), (uint)declared);
                BitConverter.TryWriteBytes(zip.AsSpan(central + 24), (uint)declared);
            });
            System.IO.File.WriteAllBytes(path, zip);
        },
        ["zip-bad-crc"] = path =>
        {
            var zip = Zip(("log.csv", Rows(2000)));
            PatchZip(zip, (local, central) =>
            {
                zip[local + 14] ^= 0x5A;
                zip[central + 16] ^= 0x5A;
            });
            System.IO.File.WriteAllBytes(path, zip);
        },
        ["zip-damaged-data"] = path =>
        {
            var zip = Zip(("log.csv", Rows(5000)));
            PatchZip(zip, (local, _) =>
            {
                int data = local + 30 + BitConverter.ToUInt16(zip, local + 26) + BitConverter.ToUInt16(zip, local + 28);
                for (int i = 0; i < 64; i++)
                {
                    zip[data + 2000 + i] ^= 0xFF;
                }
            });
            System.IO.File.WriteAllBytes(path, zip);
        },
        ["zip-truncated"] = path =>
        {
            var zip = Zip(("log.csv", Rows(5000)));
            System.IO.File.WriteAllBytes(path, zip[..(zip.Length * 6 / 10)]);
        },
        ["zip-traversal-names"] = path => System.IO.File.WriteAllBytes(path, Zip(("../../evil.csv", Rows(10)), ("ok/../../../etc/x\u0007.csv", Rows(10)))),
        ["zip-traversal-chosen"] = path => System.IO.File.WriteAllBytes(path, Zip(("../../evil.csv", Rows(10)))),
        ["gzip-multi-member"] = path => System.IO.File.WriteAllBytes(path, [.. Gzip(Rows(300)), .. Gzip(string.Concat(Rows(500).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => "b" + l + "\n")))]),
        ["gzip-zero-padding"] = path => System.IO.File.WriteAllBytes(path, [.. Gzip(Rows(300)), .. new byte[4096]]),
        ["gzip-truncated"] = path =>
        {
            var gz = Gzip(Rows(20000));
            System.IO.File.WriteAllBytes(path, gz[..(gz.Length * 3 / 4)]);
        },
        ["gzip-trailing-garbage"] = path => System.IO.File.WriteAllBytes(path, [.. Gzip(Rows(300)), .. "not gzip at all"u8]),
        ["csv-gzip-bomb"] = path => GzipBomb(path, "case,activity,timestamp\n1,A,2020-01-01\n"u8.ToArray(), (byte)'\n'),
        ["csv-gzip-bomb-of-zeros"] = path => GzipBomb(path, "case,activity,timestamp\n"u8.ToArray(), 0),
        ["xes-gzip-bomb"] = path => GzipBomb(path, "<log>"u8.ToArray(), (byte)' '),
        ["xes-nesting-20000"] = path => Nested(path, 20000),
        ["xes-nesting-5000"] = path => Nested(path, 5000),
        ["xes-attribute-300MB"] = path =>
        {
            using var file = System.IO.File.Create(path);
            file.Write("<log>\n<trace><string key=\"concept:name\" value=\"1\"/>\n<event><string key=\"note\" value=\""u8);
            var block = new byte[1 << 20];
            block.AsSpan().Fill((byte)'a');
            for (int i = 0; i < 300; i++)
            {
                file.Write(block);
            }

            file.Write("\"/><date key=\"time:timestamp\" value=\"2020-01-01T00:00:00Z\"/></event></trace></log>\n"u8);
        },
        ["xes-truncated"] = path =>
        {
            var bytes = System.IO.File.ReadAllBytes(SharedData.PathOf("eventlogs/helpdesk.xes.gz"));
            System.IO.File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        },
        ["binary-named-csv"] = path =>
        {
            var bytes = new byte[1 << 20];
            new Random(16).NextBytes(bytes);
            bytes.AsSpan().Replace((byte)'\n', (byte)0);
            System.IO.File.WriteAllBytes(path, bytes);
        },
        ["survey-huge-comment"] = path =>
        {
            // 100 MB: three short responses around one quoted comment of 100,000,000 characters on line 3.
            using var w = new StreamWriter(path, false, new UTF8Encoding(false));
            w.Write("id,overall,comment\n1,9,good\n2,3,\"");
            var block = string.Concat(Enumerable.Repeat("slow service and rude staff ", 36)).PadRight(1000, '.');
            for (int i = 0; i < 100_000; i++)
            {
                w.Write(block);
            }

            w.Write("\"\n3,8,fine\n4,7,ok\n");
        },
        ["survey-gzip"] = path => System.IO.File.WriteAllBytes(path, Gzip("id,overall,comment\n1,9,good\n2,3,slow and rude\n3,8,fine\n")),
        ["folder"] = path =>
        {
            Directory.CreateDirectory(path);
            System.IO.File.WriteAllText(Path.Combine(path, "export.csv"), "case,activity,timestamp\n1,A,2020-01-01\n");
        },
    };

    /// <summary>A valid CSV log of <paramref name="rows"/> rows (ten events a case).</summary>
    public static string Rows(int rows)
    {
        var text = new StringBuilder("case,activity,timestamp\n");
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i / 10},Step {i % 10},{start.AddMinutes(i):yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
        }

        return text.ToString();
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Calls <paramref name="patch"/> with the offsets of the first entry's local and central headers.</summary>
    private static void PatchZip(byte[] zip, Action<int, int> patch)
    {
        int local = IndexOf(zip, 0x04034b50);
        int central = IndexOf(zip, 0x02014b50);
        patch(local, central);
    }

    private static int IndexOf(byte[] data, uint signature)
    {
        for (int i = 0; i + 4 <= data.Length; i++)
        {
            if (BitConverter.ToUInt32(data, i) == signature)
            {
                return i;
            }
        }

        throw new InvalidOperationException("signature not found");
    }

    /// <summary>A small gzip file that expands to a prefix and then 1 GiB of one byte.</summary>
    private static void GzipBomb(string path, byte[] prefix, byte fill)
    {
        using var file = System.IO.File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        gz.Write(prefix);
        var block = new byte[1 << 20];
        block.AsSpan().Fill(fill);
        for (int i = 0; i < 1024; i++)
        {
            gz.Write(block);
        }
    }

    private static void Nested(string path, int depth)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("<log>\n<trace>\n<event>\n<date key=\"time:timestamp\" value=\"2020-01-01T00:00:00Z\"/>\n");
        for (int i = 0; i < depth; i++)
        {
            w.Write("<container key=\"k\">");
        }

        for (int i = 0; i < depth; i++)
        {
            w.Write("</container>");
        }

        w.Write("\n</event>\n</trace>\n</log>\n");
    }
}
