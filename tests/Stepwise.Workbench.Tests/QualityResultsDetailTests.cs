using Stepwise.Testing;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Sampling;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// What the quality pages show beyond targets: each segment's groups with their intervals, the trend of dated
/// responses, the comments as people may see them, and the sample size a measure needs; checked against counts and
/// formulas worked here.
/// </summary>
public sealed class QualityResultsDetailTests
{
    private static readonly string Airline = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");
    private static readonly string Reviews = SharedData.PathOf("surveys/BA_AirlineReviews.csv");
    private readonly BenchFixture _f = new();

    private Guid NewReview() => _f.Bench.Reviews.Create(_f.Admin, new NewReview { Title = "Passenger satisfaction", Quality = true }).Id;

    [Fact]
    public void Analyse_AirlineSurvey_EachClassWithItsSatisfiedShareAndWilsonIntervalByHand()
    {
        var id = NewReview();

        var a = _f.Bench.Quality.Analyse(_f.Admin, id, new FeedbackAnalysisRequest { Title = "Test split", File = Airline, Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 }).Analysis.Value;

        // Plain split: column 6 is Class, the last column satisfaction.
        var rows = File.ReadAllLines(Airline).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var group in rows.GroupBy(r => r[6]))
        {
            int n = group.Count(), yes = group.Count(r => r[^1] == "satisfied");
            var shown = Assert.Single(a.Segments, s => s.Segment == "Class" && s.Group == group.Key);
            Assert.True(shown.IsShare);
            Assert.Equal(n, shown.Responses);
            Assert.Equal((double)yes / n, shown.Value, 12);
            // Wilson's interval at 95%: (p + z²/2n ± z √(p(1-p)/n + z²/4n²)) / (1 + z²/n).
            double p = (double)yes / n, z = 1.959963984540054, z2 = z * z;
            double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n)), half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
            Assert.Equal(centre - half, shown.Lower!.Value, 9);
            Assert.Equal(centre + half, shown.Upper!.Value, 9);
            int restN = rows.Count - n, restYes = rows.Count(r => r[^1] == "satisfied") - yes;
            Assert.Equal((double)restYes / restN, shown.Rest!.Value, 12);
        }

        Assert.Empty(a.Trend);
        Assert.Null(a.TrendOf);
    }

    [Fact]
    public void Analyse_BritishAirwaysReviews_TrendOfDatedResponsesAndCommentsWithoutReviewerNames()
    {
        var id = NewReview();

        var a = _f.Bench.Quality.Analyse(_f.Admin, id, new FeedbackAnalysisRequest { Title = "Reviews", File = Reviews, Discover = 4 }).Analysis.Value;
        var shown = _f.Bench.Quality.Comments(_f.Admin, id);

        Assert.NotEmpty(a.Trend);
        Assert.True(a.TrendIsShare);
        Assert.All(a.Trend, p => Assert.InRange(p.Value, 0, 1));
        Assert.All(a.Trend, p => Assert.Equal(p.Centre, a.Trend[0].Centre, 12));
        // The p-chart's centre line is the share of yes among every response counted in it.
        double yes = a.Trend.Sum(p => p.Value * p.Responses), all = a.Trend.Sum(p => p.Responses);
        Assert.Equal(yes / all, a.Trend[0].Centre, 9);
        Assert.True(all <= 3701);
        Assert.Equal([.. a.Trend.Select(p => p.Period).Order(StringComparer.Ordinal)], a.Trend.Select(p => p.Period).ToList());

        Assert.NotNull(shown);
        Assert.NotEmpty(shown.Themes);
        var quotes = shown.Themes.SelectMany(t => t.Quotes).ToList();
        Assert.NotEmpty(quotes);
        var rawIds = File.ReadLines(Reviews).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(quotes, q => Assert.DoesNotContain(q.ResponseId, rawIds));
        var stored = a.Themes.SelectMany(t => t.Quotes).Select(q => q.ResponseId).ToHashSet(StringComparer.Ordinal);
        Assert.All(quotes, q => Assert.DoesNotContain(q.ResponseId, stored));
    }

    [Fact]
    public void Analyse_SmallSurveyWhoseCommentsTouchFewThemes_IsSaved_WithOnlyTheThemesCommentsTouch()
    {
        // 64 responses: an overall score and two items drawn uniformly from 1 to 5 (seeded), a name and a comment.
        var random = new Random(3);
        string[] names = ["Ann Smith", "Bob Jones", "Cara Lee", "Dan Brown"];
        string[] comments = ["Great service, thanks", "Slow reply", "Friendly staff", "Took too long"];
        string path = Path.Combine(Path.GetTempPath(), "small-survey-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, ["id,name,overall,speed,friendliness,comment",
            .. Enumerable.Range(0, 64).Select(i => $"r{i},{names[random.Next(4)]},{random.Next(1, 6)},{random.Next(1, 6)},{random.Next(1, 6)},\"{comments[random.Next(4)]}\"")]);
        try
        {
            var id = NewReview();
            var a = _f.Bench.Quality.Analyse(_f.Admin, id, new FeedbackAnalysisRequest { Title = "Small survey", File = path, Read = new FeedbackReadRequest { Id = "id", Overall = "overall" }, Discover = 0 }).Analysis.Value;
            Assert.Equal(64, a.Responses);
            var b = _f.Bench.Quality.Analyse(_f.Admin, id, new FeedbackAnalysisRequest { Title = "Small survey with items", File = path, Read = new FeedbackReadRequest { Id = "id", Overall = "overall", Item = ["speed", "friendliness"], Comment = ["comment"], NameColumn = "name" }, Discover = 0 }).Analysis.Value;
            Assert.Equal(64, b.Responses);
            Assert.Equal(2, _f.Bench.Quality.Analyses(_f.Admin, id).Count);
            Assert.NotEmpty(b.Themes);
            Assert.All(b.Themes, t => Assert.InRange(t.Comments, 1, 64));
            Assert.All(b.Themes, t => Assert.True(double.IsFinite(t.MeanSentiment)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Comments_NameOfAStakeholderInAQuote_RedactedAsInTheReports()
    {
        var id = NewReview();
        var a = _f.Bench.Quality.Analyse(_f.Admin, id, new FeedbackAnalysisRequest { Title = "Reviews", File = Reviews, Discover = 0 }).Analysis.Value;
        // Two capitalised words in a row in a stored quote (e.g. a lounge's name) become a stakeholder's full name.
        var pairs = a.Themes.SelectMany(t => t.Quotes).SelectMany(q =>
        {
            var w = q.Text.Split(' ');
            return Enumerable.Range(1, Math.Max(0, w.Length - 2)).Select(i => (w[i], w[i + 1]))
                .Where(x => x.Item1.Length >= 3 && x.Item2.Length >= 3 && x.Item1.All(char.IsLetter) && x.Item2.All(char.IsLetter) && char.IsUpper(x.Item1[0]) && char.IsUpper(x.Item2[0]));
        }).ToList();
        Assert.NotEmpty(pairs);
        string name = $"{pairs[0].Item1} {pairs[0].Item2}";
        Assert.Contains(a.Themes.SelectMany(t => t.Quotes), q => q.Text.Contains(name, StringComparison.Ordinal));
        _f.Bench.Reviews.SaveStakeholder(_f.Admin, id, new NewStakeholder { Name = name, Group = "front-line-staff", Role = "informed" });

        var shown = _f.Bench.Quality.Comments(_f.Admin, id)!.Themes.SelectMany(t => t.Quotes).ToList();

        Assert.DoesNotContain(shown, q => q.Text.Contains(name, StringComparison.Ordinal));
    }

    [Theory]
    // A published figure: ±5 points at 95% for a large population needs 385 responses (Cochran's 384.1, rounded up).
    [InlineData(0.05, 0.95, null, 1.0, 385, 385)]
    // Worked by hand: n0 = 1.96² × 0.25 / 0.03² = 1,067.07; n = n0 / (1 + (n0 - 1) / 25,976) = 1,025.005 → 1,026; at 25%, 4,104.
    [InlineData(0.03, 0.95, 25976L, 0.25, 1026, 4104)]
    public void SampleSize_Proportion_CochranWithFinitePopulation(double margin, double confidence, long? population, double rate, int required, int invitations)
    {
        var size = new SampleSizeRequest { Margin = margin, Confidence = confidence, Population = population, ResponseRate = rate }.Compute();

        Assert.Equal(required, size.Required);
        Assert.Equal(invitations, size.Invitations);
    }

    [Fact]
    public void SampleSize_BadFields_EachNamedWithWhatIsExpected()
    {
        var error = Assert.Throws<StepwiseException>(() => new SampleSizeRequest { Margin = 5, Confidence = 95, ResponseRate = 0, Population = 0 }.Compute());

        var fields = error.Errors.ToDictionary(e => e.Field, e => e.Message);
        Assert.Contains("between 0 and 1", fields["margin"], StringComparison.Ordinal);
        Assert.Contains("0.95", fields["confidence"], StringComparison.Ordinal);
        Assert.Contains("above 0 and at most 1", fields["response_rate"], StringComparison.Ordinal);
        Assert.Contains("at least 1", fields["population"], StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleSize_Mean_NeedsItsStandardDeviation()
    {
        // n0 = 1.96² × 1.2² / 0.1² = 553.2 → 554.
        var size = new SampleSizeRequest { Margin = 0.1, StandardDeviation = 1.2 }.Compute();
        Assert.Equal(554, size.Required);
        Assert.Equal("sd", Assert.Single(Assert.Throws<StepwiseException>(() => new SampleSizeRequest { Margin = 0.1, StandardDeviation = 0 }.Compute()).Errors).Field);
    }
}
