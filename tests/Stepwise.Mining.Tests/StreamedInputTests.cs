using System.IO.Compression;
using System.Text;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// Compressed and transcoded content is parsed as it is decompressed, a window at a time: the result is the plain
/// file's, field for field, even with quoted line breaks at every window boundary; and a compressed file costs no
/// more memory than the plain one beyond the window.
/// </summary>
public class StreamedInputTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>About 30 MiB of rows (several windows), many with quoted comments holding line breaks, delimiters and quotes.</summary>
    private static string Text()
    {
        var rng = new Random(7);
        var text = new StringBuilder("case,activity,timestamp,resource,comment\n");
        var start = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        int i = 0;
        while (text.Length < 30 << 20)
        {
            string comment = rng.Next(4) switch
            {
                0 => string.Empty,
                1 => "plain note " + rng.Next(1000),
                2 => "\"said \"\"call back\"\",\nthen " + new string('x', rng.Next(0, 3000)) + "\n\"",
                _ => "\"" + string.Join("\n", Enumerable.Range(0, rng.Next(1, 40)).Select(k => "line " + k)) + "\"",
            };
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{i / 7},Step {rng.Next(12)},{start.AddSeconds(i * 13):yyyy-MM-dd'T'HH:mm:ss'Z'},R{rng.Next(50)},{comment}\n");
            i++;
        }

        return text.ToString();
    }

    [Fact]
    public void Read_GzipZipAndLatin1_SameLogAsThePlainFile()
    {
        string text = Text();
        string plain = _files.Write("log.csv", text);
        string gz = _files.WriteGzip("log.csv.gz", text);
        string zip = _files.WriteZip("log.csv.zip", ("export/log.csv", text));
        string latin1 = _files.Write("latin1.csv", text.Replace("plain note", "note \u00e9t\u00e9", StringComparison.Ordinal), Encoding.Latin1);
        var expected = EventLogFile.Read(plain).Log;
        Assert.True(expected.EventCount > 50_000);
        LogAssert.Equal(expected, EventLogFile.Read(gz).Log);
        LogAssert.Equal(expected, EventLogFile.Read(zip).Log);

        var transcoded = EventLogFile.Read(latin1, new EventLogReadOptions { Csv = new CsvLogOptions { Encoding = TextEncodingChoice.Latin1 } }).Log;
        Assert.Equal(expected.EventCount, transcoded.EventCount);
        Assert.Equal(expected.Times.ToArray(), transcoded.Times.ToArray());
        var comments = transcoded.EventAttributes["comment"];
        Assert.Contains(Enumerable.Range(0, transcoded.EventCount), r => comments.Format(r)?.StartsWith("note \u00e9t\u00e9 ", StringComparison.Ordinal) == true);
    }

    /// <summary>The gzip trailer's length sizes the columns, but only as a hint: members in either order (the last
    /// member's length far below the content, or most of it), and zero padding after the data (a length of 0), give
    /// the plain file's log.</summary>
    [Theory]
    [InlineData("small last")]
    [InlineData("large last")]
    [InlineData("zero padding")]
    public void Read_GzipWhoseTrailerIsNotTheContentLength_SameLogAsThePlainFile(string shape)
    {
        string text = Text();
        int cut = text.IndexOf('\n', text.Length / 50) + 1;
        if (shape == "large last")
        {
            cut = text.IndexOf('\n', text.Length - (text.Length / 50)) + 1;
        }

        string plain = _files.Write("log.csv", text);
        string gz = _files.Path("log.csv.gz");
        using (var file = File.Create(gz))
        {
            foreach (var part in shape == "zero padding" ? [text] : new[] { text[..cut], text[cut..] })
            {
                using var member = new MemoryStream();
                using (var zip = new GZipStream(member, CompressionLevel.Fastest, leaveOpen: true))
                {
                    zip.Write(Encoding.UTF8.GetBytes(part));
                }

                file.Write(member.ToArray());
            }

            if (shape == "zero padding")
            {
                file.Write(new byte[512]);
            }
        }

        LogAssert.Equal(EventLogFile.Read(plain).Log, EventLogFile.Read(gz).Log);
    }

    [Theory]
    [InlineData(100, 1_000, 8_000, 0, 10_000L, 1_000 * 10_000 / 8_000 * 103 / 100 + 4096)]
    [InlineData(100, 1_000, 8_000, 0, null, 100)]
    [InlineData(2_000, 1_000, 8_000, 1_500, null, 2_250)]
    [InlineData(16_100, 1_000, 8_000, 16_000, 8_000L, 18_000)]
    public void StreamedCapacity_FromDeclaredLengthOrGrowing_AtLeastWhatIsNeeded(long needed, long lines, long bytes, int current, long? length, int expected)
    {
        // With a length: the lines so far scaled to the whole content, 3% and 4,096 rows over; a wave past that grows
        // the columns by an eighth at least. Without: what is needed, or half as much again as there is.
        Assert.Equal(expected, Stepwise.Mining.IO.Csv.CsvLogReader.StreamedCapacity(needed, lines, bytes, current, length));
    }

    [Fact]
    public void Read_CompressedFile_NoMoreMemoryThanPlainBeyondTheWindow()
    {
        // A million events of a service desk: plain and gzipped, each read in a process of its own.
        var text = new StringBuilder("case_id,activity,timestamp,resource,channel\n");
        var start = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < 1_000_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{i / 10:D7},Activity {(i * 7) % 20},{start.AddSeconds(i * 3):yyyy-MM-dd'T'HH:mm:ss'Z'},R{(i * 13) % 200},{(i % 3 == 0 ? "phone" : "email")}\n");
        }

        string plain = _files.Write("million.csv", text.ToString());
        string gz = _files.Path("million.csv.gz");
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        var (plainOutcome, plainPeak) = MemoryProbe.Run(plain, []);
        var (gzOutcome, gzPeak) = MemoryProbe.Run(gz, []);
        Assert.Equal("OK 1000000", plainOutcome);
        Assert.Equal("OK 1000000", gzOutcome);

        // The window of decompressed content held at once is a few tens of megabytes, whatever the file's size.
        Assert.True(gzPeak <= plainPeak + 64, $"gzip peak {gzPeak:F0} MB against plain {plainPeak:F0} MB");
    }
}
