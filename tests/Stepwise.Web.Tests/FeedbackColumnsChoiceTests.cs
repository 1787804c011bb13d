using Bunit;
using Stepwise.Testing;
using Stepwise.Web.Components.Shared;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Tests;

/// <summary>
/// The feedback upload form shows what the reader detected in the British Airways reviews (comments from the header and
/// the body, dated by the posting date, names in Name) and lets the user choose the comment columns, the date column
/// and the name column; the reader then reads the file as chosen.
/// </summary>
public sealed class FeedbackColumnsChoiceTests
{
    private static readonly string Reviews = SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    [Fact]
    public void BritishAirwaysReviews_DetectedColumnsShown_DateFlownAndBodyChosen_TheFileIsReadSo()
    {
        var (bench, lead, _) = PageContext.NewReview();
        var detected = new FeedbackReadRequest().Read(Reviews);
        Assert.Equal(["ReviewHeader", "ReviewBody"], detected.Mapping.Comments);
        Assert.Equal("Datetime", detected.Mapping.Date);
        var choice = FeedbackColumns.Of(detected);
        using var context = PageContext.For(bench, lead);

        var form = context.Render<FeedbackColumnsChoice>(p => p.Add(m => m.FileName, "BA_AirlineReviews.csv").Add(m => m.Detected, detected).Add(m => m.Choice, choice));

        string shown = form.Find("#feedback-detected").TextContent;
        Assert.Contains("comments ReviewHeader + ReviewBody", shown, StringComparison.Ordinal);
        Assert.Contains("dated by Datetime", shown, StringComparison.Ordinal);
        Assert.Equal(["ReviewHeader", "ReviewBody"], form.FindAll("input[name=feedback-comment]").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")));
        Assert.Equal("Datetime", form.Find("#feedback-date").GetAttribute("value"));
        Assert.Equal(detected.Columns.Count, form.FindAll("input[name=feedback-comment]").Count);

        form.FindAll("input[name=feedback-comment]").Single(i => i.GetAttribute("value") == "ReviewHeader").Change(false);
        form.Find("#feedback-date").Change("DateFlown");
        // DateFlown is written "23-Nov" (two-digit year, month), which the reader does not guess.
        form.Find("#feedback-date-format").Change("yy-MMM");
        form.Find("#feedback-name").Change("Name");

        Assert.Equal(["ReviewBody"], choice.Comments);
        var read = choice.Apply(new FeedbackReadRequest { MaxRows = 100_000 });
        Assert.Equal(["ReviewBody"], read.Comment);
        Assert.Equal("DateFlown", read.Date);
        Assert.Equal("Name", read.NameColumn);
        Assert.Equal(["yy-MMM"], read.DateFormat);
        // The header turned off is ignored, so detection does not join it again.
        Assert.Equal(["ReviewHeader"], read.Ignore);
        Assert.Equal(100_000, read.MaxRows);

        var chosen = new FeedbackReadRequest().Read(Reviews);
        var asChosen = read.Read(Reviews);
        Assert.Equal(["ReviewBody"], asChosen.Mapping.Comments);
        Assert.Equal("DateFlown", asChosen.Mapping.Date);
        Assert.Equal(chosen.Table.Count, asChosen.Table.Count);
        // The first review was flown in November 2023 ("23-Nov"; posted "19th November 2023").
        Assert.Equal(new DateOnly(2023, 11, 1), DateOnly.FromDateTime(asChosen.Table.ResponseDates![0]!.Value));
    }

    [Fact]
    public void NoDateChosen_IgnoresTheDetectedOne()
    {
        var detected = new FeedbackReadRequest().Read(Reviews);
        var choice = FeedbackColumns.Of(detected);
        choice.Date = "";

        var read = choice.Apply(new FeedbackReadRequest());

        Assert.Null(read.Date);
        Assert.Contains("Datetime", read.Ignore);
        Assert.NotEqual("Datetime", read.Read(Reviews).Mapping.Date);
    }
}
