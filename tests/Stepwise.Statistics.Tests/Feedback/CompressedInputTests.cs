using System.IO.Compression;
using System.Text;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;

namespace Stepwise.Statistics.Tests.Feedback;

/// <summary>Survey files inside gzip and zip, read as the log verbs read them; damaged archives refused.</summary>
public sealed class CompressedInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-survey-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_BaReviewsGzipped_SameAsThePlainFile()
    {
        string gz = Path.Combine(_folder, "ba.csv.gz");
        using (var output = File.Create(gz))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(SurveyFiles.BaPath));
        }

        var plain = SurveyFiles.Ba;
        var packed = FeedbackReader.Read(gz);
        Assert.Equal(plain.Table.ResponseIds, packed.Table.ResponseIds);
        Assert.Equal(plain.Table.Comments, packed.Table.Comments);
        Assert.Equal("utf-8", packed.Encoding);
    }

    [Fact]
    public void Read_YelpZip_StarsAndTextDetected()
    {
        var import = FeedbackReader.Read(Stepwise.Testing.SharedData.PathOf("text/yelp_reviews_10k.csv.zip"));
        Assert.Equal(10_000, import.Table.Count);
        Assert.Equal("stars", import.Table.Overall!.Name);
        Assert.Equal(["text"], import.Mapping.Comments);
        // Counted with Python's csv module: 749 one-star and 3,337 five-star reviews.
        Assert.Equal(749, import.Table.Overall.Values.Count(v => v == 1));
        Assert.Equal(3337, import.Table.Overall.Values.Count(v => v == 5));
    }

    [Fact]
    public void Read_MultiMemberGzipWithPadding_EveryMemberRead()
    {
        string gz = Path.Combine(_folder, "joined.csv.gz");
        File.WriteAllBytes(gz, [.. Gzip("id,rating\n1,4\n"), .. Gzip("2,5\n3,1\n"), 0, 0, 0, 0]);
        Assert.Equal(["1", "2", "3"], FeedbackReader.Read(gz).Table.ResponseIds);
    }

    [Fact]
    public void Read_TruncatedGzip_Refused()
    {
        string gz = Path.Combine(_folder, "cut.csv.gz");
        var whole = Gzip("id,rating\n" + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i},{(i % 5) + 1}\n")));
        File.WriteAllBytes(gz, whole[..(whole.Length / 2)]);
        var ex = Assert.Throws<DelimitedTextException>(() => FeedbackReader.Read(gz));
        Assert.Contains("ends early", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipEntryWithWrongCrc_Refused()
    {
        string zip = Path.Combine(_folder, "bad.zip");
        byte[] content = Encoding.ASCII.GetBytes("id,rating\n1,4\n2,5\n");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry("r.csv", CompressionLevel.NoCompression);
            using var s = entry.Open();
            s.Write(content);
        }

        // Stored without compression: change one data byte ('4' to '3') behind the CRC's back.
        var bytes = File.ReadAllBytes(zip);
        int at = bytes.AsSpan().IndexOf("1,4"u8);
        bytes[at + 2] = (byte)'3';
        File.WriteAllBytes(zip, bytes);
        var ex = Assert.Throws<DelimitedTextException>(() => FeedbackReader.Read(zip));
        Assert.Contains("CRC-32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GzipBomb_RefusedAtTheLimit()
    {
        string gz = Path.Combine(_folder, "bomb.csv.gz");
        using (var output = File.Create(gz))
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write("id,comment\n"u8);
            var zeros = new byte[1 << 20];
            Array.Fill(zeros, (byte)'a');
            for (int i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        var ex = Assert.Throws<DelimitedTextException>(() => DelimitedTextReader.Read(gz, new DelimitedTextOptions { MaxBytes = 16 << 20 }));
        Assert.Contains("expands to more than 16,777,216 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Folder_SaysItIsAFolder()
    {
        var ex = Assert.Throws<DelimitedTextException>(() => FeedbackReader.Read(_folder));
        Assert.Contains("this is a folder", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(string text)
    {
        var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }
}
