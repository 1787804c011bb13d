using Stepwise.Review.Common;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Planning;
using Stepwise.Review.Quality;

namespace Stepwise.Review.Tests;

public sealed class PlanAndQualityTests
{
    private static readonly ContentHash Data = ContentHash.Of("data"u8);

    private static PlanTask Task(int id, PlanTaskStatus status, params int[] dependsOn) => new()
    {
        Id = new Guid(id, 0, 0, new byte[8]),
        Title = "Task " + id,
        Owner = "Team lead",
        Due = new DateOnly(2026, 12, 1),
        Status = status,
        DependsOn = [.. dependsOn.Select(d => new Guid(d, 0, 0, new byte[8]))],
    };

    [Fact]
    public void Checked_DependencyCycle_RefusedNamingATask()
    {
        var plan = new ImplementationPlan { Id = Guid.NewGuid(), Tasks = [Task(1, PlanTaskStatus.NotStarted, 3), Task(2, PlanTaskStatus.NotStarted, 1), Task(3, PlanTaskStatus.NotStarted, 2)] };
        Assert.Contains("cycle", Assert.Throws<ReviewRuleException>(() => plan.Checked()).Message);
    }

    [Fact]
    public void Checked_DoneBeforeItsDependency_Refused()
    {
        var plan = new ImplementationPlan { Id = Guid.NewGuid(), Tasks = [Task(1, PlanTaskStatus.InProgress), Task(2, PlanTaskStatus.Done, 1)] };
        Assert.Contains("cannot be done before", Assert.Throws<ReviewRuleException>(() => plan.Checked()).Message);
    }

    [Fact]
    public void Checked_UnknownDependency_Refused()
    {
        var plan = new ImplementationPlan { Id = Guid.NewGuid(), Tasks = [Task(1, PlanTaskStatus.NotStarted, 9)] };
        Assert.Contains("not in the plan", Assert.Throws<ReviewRuleException>(() => plan.Checked()).Message);
    }

    [Fact]
    public void MeetsTarget_LowerIsBetter_UsesLatestMeasurement()
    {
        var kpi = new Kpi
        {
            Id = Guid.NewGuid(),
            Name = "Median resolution time",
            Definition = "median hours from open to close",
            Unit = "hours",
            Direction = KpiDirection.LowerIsBetter,
            Baseline = new Measurement(30, new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), Data),
            Target = 24,
            Measurements = [new Measurement(20, new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), Data), new Measurement(26, new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero), Data)],
        };
        Assert.True(kpi.MeetsTarget);
    }

    [Fact]
    public void Checked_MeasureOfUnlistedFeature_RefusedNamingTheFeatures()
    {
        var review = new QualityReview
        {
            Id = Guid.NewGuid(),
            Title = "Cabin service",
            Owner = "Quality lead",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Features = [new ServiceFeature("Cabin staff service")],
            MeasurementPlan = [new PlannedMeasure { Metric = "Wifi satisfaction", Feature = "Inflight wifi", Method = "survey", Frequency = "monthly", Target = 0.5 }],
        };
        var error = Assert.Throws<ReviewRuleException>(() => review.Checked());
        Assert.Contains("'Inflight wifi'", error.Message);
        Assert.Contains("Cabin staff service", error.Message);
    }

    [Fact]
    public void Checked_MetricPlannedTwiceInAnyCase_Refused()
    {
        var measure = new PlannedMeasure { Metric = "NPS", Method = "survey", Frequency = "monthly", Target = 10 };
        var review = new QualityReview
        {
            Id = Guid.NewGuid(),
            Title = "x",
            Owner = "y",
            CreatedAt = DateTimeOffset.UnixEpoch,
            MeasurementPlan = [measure, measure with { Metric = "nps" }],
        };
        Assert.Contains("twice", Assert.Throws<ReviewRuleException>(() => review.Checked()).Message);
    }

    [Fact]
    public void AgreedAction_NoFinding_Refused()
        => Assert.Throws<ReviewRuleException>(() => new AgreedAction { Id = Guid.NewGuid(), FindingIds = [], Title = "Coach crews", Owner = "Cabin manager", Due = new DateOnly(2026, 6, 1) });
}
