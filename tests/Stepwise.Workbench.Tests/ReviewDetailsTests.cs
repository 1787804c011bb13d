using Stepwise.Review.Artefacts;
using Stepwise.Review.Reviews;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>Changing a process review's title and aims after it was created.</summary>
public sealed class ReviewDetailsTests
{
    [Fact]
    public void SaveDetails_NewTitleAndAims_SavedAndHistoryShowsOldAndNewValues()
    {
        var f = new BenchFixture();
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Help desk", Aims = ["Resolve faster"] });

        var changed = f.Bench.Reviews.SaveDetails(f.Admin, review.Id, new ReviewDetails { Title = " Help desk 2026 ", Aims = ["Resolve faster", "Fewer reopened tickets"] }, review.Version);

        Assert.Equal("Help desk 2026", changed.Title);
        Assert.Equal(review.Version + 1, changed.Version);
        Assert.Equal(["Resolve faster", "Fewer reopened tickets"], f.Bench.Reviews.Show(f.Admin, review.Id).Aims);
        var line = f.Bench.Reviews.HistoryLines(f.Admin, review.Id, new ArtefactRef(ArtefactKind.Review, review.Id))[^1];
        Assert.Equal("Ada Admin", line.By);
        var title = Assert.Single(line.Changes, c => c.Field == "title");
        Assert.Contains("Help desk", title.Before, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", title.Before, StringComparison.Ordinal);
        Assert.Contains("Help desk 2026", title.After, StringComparison.Ordinal);
        Assert.Contains(line.Changes, c => c.Field.StartsWith("aims", StringComparison.Ordinal) && (c.After ?? "").Contains("Fewer reopened tickets", StringComparison.Ordinal));
    }

    [Fact]
    public void SaveDetails_OnlyAims_KeepsTitleAndStage()
    {
        var f = new BenchFixture();
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Help desk", Aims = ["Resolve faster", "Cut cost"] });

        var changed = f.Bench.Reviews.SaveDetails(f.Admin, review.Id, new ReviewDetails { Aims = [] });

        Assert.Equal("Help desk", changed.Title);
        Assert.Equal(Stage.Scope, changed.Stage);
        Assert.Empty(f.Bench.Reviews.Show(f.Admin, review.Id).Aims);
    }

    [Fact]
    public void SaveDetails_StaleVersion_ConflictNamingWhoChangedIt()
    {
        var f = new BenchFixture();
        var analyst = f.User("ana", "Ana Analyst");
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Help desk" });
        f.Bench.Reviews.SetMember(f.Admin, review.Id, new NewMember { User = "ana", Role = "analyst" });
        f.Bench.Reviews.SaveDetails(analyst, review.Id, new ReviewDetails { Title = "Help desk tickets" }, review.Version);

        var problem = Assert.Throws<Review.Storage.ConcurrencyConflictException>(() => f.Bench.Reviews.SaveDetails(f.Admin, review.Id, new ReviewDetails { Title = "Service desk" }, review.Version));

        var described = ProblemCatalog.Describe(problem);
        Assert.Equal(ProblemKind.Conflict, described.Kind);
        Assert.Contains("Ana Analyst", described.Conflict!.ChangedBy);
        Assert.Equal("Help desk tickets", f.Bench.Reviews.Get(f.Admin, review.Id).Title);
    }

    [Fact]
    public void SaveDetails_EmptyTitleOrRepeatedAim_InvalidAndNothingSaved()
    {
        var f = new BenchFixture();
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Help desk", Aims = ["Resolve faster"] });

        var empty = Assert.Throws<StepwiseException>(() => f.Bench.Reviews.SaveDetails(f.Admin, review.Id, new ReviewDetails { Title = "  " }));
        var twice = Assert.Throws<StepwiseException>(() => f.Bench.Reviews.SaveDetails(f.Admin, review.Id, new ReviewDetails { Aims = ["Cut cost", "cut cost"] }));

        Assert.Equal(ProblemKind.InvalidValue, empty.Kind);
        Assert.Contains(empty.Errors, e => e.Field == "title");
        Assert.Contains(twice.Errors, e => e.Field == "aim" && e.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Equal(review.Version, f.Bench.Reviews.Get(f.Admin, review.Id).Version);
    }

    [Fact]
    public void SaveDetails_QualityReview_RuleBroken()
    {
        var f = new BenchFixture();
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Airline survey", Quality = true });

        var problem = Assert.Throws<StepwiseException>(() => f.Bench.Reviews.SaveDetails(f.Admin, review.Id, new ReviewDetails { Title = "Survey 2026" }));

        Assert.Equal(ProblemKind.RuleBroken, problem.Kind);
    }
}
