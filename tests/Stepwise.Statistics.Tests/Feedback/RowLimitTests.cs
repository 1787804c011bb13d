using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Testing;

namespace Stepwise.Statistics.Tests.Feedback;

/// <summary>
/// The row bound on delimited files (feedback, populations, samples): a file with more rows than the bound is refused
/// with a too-large error naming the file and the bound, and one with exactly as many is read whole. Counts are those
/// the data's README publishes (25,976 passengers), not the reader's.
/// </summary>
public sealed class RowLimitTests
{
    private static string Passengers => SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");

    [Fact]
    public void Read_OneRowPastTheBound_RefusedAsTooLargeNamingFileAndBound()
    {
        var error = Assert.Throws<DelimitedTextException>(() => DelimitedTextReader.Read(Passengers, new DelimitedTextOptions { MaxRows = 25_975 }));

        Assert.True(error.LimitExceeded);
        Assert.Equal("airline_passenger_satisfaction_kaggle_test.csv", error.FileName);
        Assert.Contains("more than 25,975 rows", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("airline_passenger_satisfaction_kaggle_test.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExactlyTheBound_ReadsEveryRow()
    {
        var table = DelimitedTextReader.Read(Passengers, new DelimitedTextOptions { MaxRows = 25_976 });

        Assert.Equal(25_976, table.Records.Count);
    }

    [Fact]
    public void FeedbackReader_PastTheBound_RefusedBeforeAnyResponseIsKept()
    {
        var error = Assert.Throws<DelimitedTextException>(() => FeedbackReader.Read(Passengers, new FeedbackImportOptions { Text = new DelimitedTextOptions { MaxRows = 1_000 } }));

        Assert.True(error.LimitExceeded);
        Assert.Equal(1_002, error.Line); // the header, 1,000 rows, then the row that passes the bound
    }

    [Fact]
    public void Options_RowBoundBelowOne_Refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new DelimitedTextOptions { MaxRows = 0 });
}
