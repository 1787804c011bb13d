using Stepwise.Testing;

namespace Stepwise.Statistics.Tests.Feedback;

/// <summary>
/// The survey cases of the bad-input corpus (tests/bad-input) that the manifest bounds in memory: a separate process
/// reading the file as <c>stepwise survey</c> does stays within the bound, whether it refuses the file or skips the
/// bad row. (The command line's own messages and exit codes for every case are checked in the CLI's corpus tests.)
/// </summary>
public class SurveyBadInputCorpusTests
{
    public static TheoryData<string> BoundedCases => [.. BadInputCorpus.All.Where(c => !c.IsLog && c.MaxMemoryMB is not null).Select(c => c.Name)];

    [Fact]
    public void Manifest_BoundsTheHugeCommentCases()
    {
        // The bounded survey cases must exist: an empty theory would pass without running anything.
        string[] bounded = [.. BadInputCorpus.All.Where(c => !c.IsLog && c.MaxMemoryMB is not null).Select(c => c.Name)];
        Assert.Contains("survey-huge-comment", bounded);
        Assert.Contains("survey-huge-comment-skipped", bounded);
    }

    [Theory]
    [MemberData(nameof(BoundedCases))]
    public void Read_SurveyCorpusFile_InBoundedMemory(string name)
    {
        var c = BadInputCorpus.Named(name);
        var (outcome, peakMb) = MemoryProbe.Run(BadInputCorpus.PathOf(c), ["--survey", .. c.Args]);
        Assert.StartsWith(c.Exit == 0 ? "OK" : "ERROR", outcome, StringComparison.Ordinal);
        Assert.True(peakMb <= c.MaxMemoryMB, $"{name}: peak resident memory {peakMb:F0} MB, bound {c.MaxMemoryMB} MB");
    }
}
