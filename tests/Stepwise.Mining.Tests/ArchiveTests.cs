using System.Buffers.Binary;
using System.IO.Compression;
using Stepwise.Mining.IO;
using Stepwise.Mining.IO.Archives;

namespace Stepwise.Mining.Tests;

/// <summary>The CRC-32 that checks zip entries and gzip members, against the published check value and against zlib
/// (the CRC .NET's gzip writer puts in each member's trailer); gzip members of every size; zip entries stored and
/// deflated.</summary>
public class ArchiveTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Crc32_CheckValueAndZlib_AgreeForEveryLengthAndAlignment()
    {
        // The published check value of CRC-32/ISO-HDLC: CRC of "123456789".
        Assert.Equal(0xCBF43926u, Crc32.Append(0, "123456789"u8));
        var rng = new Random(11);
        var data = new byte[5000];
        rng.NextBytes(data);
        for (int length = 0; length < 700; length += rng.Next(1, 9))
        {
            var slice = data.AsSpan(rng.Next(16), length);
            uint folded = Crc32.Append(0, slice);
            Assert.Equal(Crc32.AppendWithTables(0, slice), folded);
            Assert.Equal(length == 0 ? 0u : ZlibCrc(slice.ToArray()), folded);

            // Appending in two parts gives the same as at once.
            int cut = length / 3;
            Assert.Equal(folded, Crc32.Append(Crc32.Append(0, slice[..cut]), slice[cut..]));
        }
    }

    /// <summary>The CRC-32 zlib writes in a gzip trailer.</summary>
    private static uint ZlibCrc(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        var bytes = buffer.ToArray();
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
    }

    [Fact]
    public void Read_ManyGzipMembersOfEverySize_EveryRowRead()
    {
        // Members of 0 to 400 rows, some empty, joined as `cat` would.
        var bytes = new List<byte>();
        int rows = 0;
        var header = "case,activity,timestamp\n";
        for (int m = 0; m < 30; m++)
        {
            var text = new System.Text.StringBuilder(m == 0 ? header : string.Empty);
            int n = m % 7 == 3 ? 0 : (m * 37) % 400;
            for (int i = 0; i < n; i++, rows++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"m{m}c{i / 5},A{i % 5},2020-01-01T00:00:{i % 60:00}Z\n");
            }

            using var buffer = new MemoryStream();
            using (var gz = new GZipStream(buffer, m % 2 == 0 ? CompressionLevel.Optimal : CompressionLevel.NoCompression, leaveOpen: true))
            {
                gz.Write(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
            }

            bytes.AddRange(buffer.ToArray());
        }

        Assert.Equal(rows, EventLogFile.Read(_files.WriteBytes("many.csv.gz", [.. bytes])).Log.EventCount);
    }

    [Fact]
    public void Read_StoredAndDeflatedZipEntries_ChosenByName()
    {
        string path = _files.Path("two.csv.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, level) in new[] { ("stored.csv", CompressionLevel.NoCompression), ("deflated.csv", CompressionLevel.Optimal) })
            {
                using var stream = archive.CreateEntry("logs/" + name, level).Open();
                stream.Write(System.Text.Encoding.UTF8.GetBytes("case,activity,timestamp\n1,A,2020-01-01\n1,B,2020-01-02\n2,A,2020-01-03\n"));
            }
        }

        foreach (var entry in new[] { "stored.csv", "logs/deflated.csv" })
        {
            var import = EventLogFile.Read(path, new EventLogReadOptions { Csv = new CsvLogOptions { ZipEntry = entry } });
            Assert.Equal(3, import.Log.EventCount);
        }

        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path));
        Assert.Contains("the archive holds 2 files (logs/stored.csv, logs/deflated.csv); name the one to read with --zip-entry.", error.Message, StringComparison.Ordinal);
    }
}
