using System.Text.RegularExpressions;
using Stepwise.Mining.IO;
using Stepwise.Mining.Testing;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// Every case of the bad-input corpus (tests/bad-input) through the engine's readers: refused with the expected
/// message (naming the file, line and column), or read with the expected events; and, where the manifest bounds it,
/// within the memory a separate process reading it may use.
/// </summary>
public class BadInputCorpusTests
{
    public static TheoryData<string> Cases => [.. BadInputCorpus.Logs.Select(c => c.Name)];

    public static TheoryData<string> BoundedCases => [.. BadInputCorpus.Logs.Where(c => c.MaxMemoryMB is not null).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusFile_AsTheManifestSays(string name)
    {
        var c = BadInputCorpus.Named(name);
        string path = BadInputCorpus.PathOf(c);
        if (c.Exit == 0)
        {
            int events = CorpusReader.Read(path, c.Args);
            if (c.Events is { } expected)
            {
                Assert.Equal(expected, events);
            }

            return;
        }

        var error = Assert.ThrowsAny<Exception>(() => CorpusReader.Read(path, c.Args));
        Assert.True(error is EventLogFormatException or FileNotFoundException or NotSupportedException, $"{name}: {error.GetType().Name}: {error.Message}");
        Assert.Matches(new Regex(c.Message, RegexOptions.Singleline), error.Message);
        if (error is EventLogFormatException format)
        {
            Assert.StartsWith(Path.GetFileName(path) + ":", format.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BoundedCases))]
    public void Read_CorpusFile_InBoundedMemory(string name)
    {
        var c = BadInputCorpus.Named(name);
        var (outcome, peakMb) = MemoryProbe.Run(BadInputCorpus.PathOf(c), c.Args);
        Assert.StartsWith(c.Exit == 0 ? "OK" : "ERROR", outcome, StringComparison.Ordinal);
        Assert.True(peakMb <= c.MaxMemoryMB, $"{name}: peak resident memory {peakMb:F0} MB, bound {c.MaxMemoryMB} MB");
    }
}
