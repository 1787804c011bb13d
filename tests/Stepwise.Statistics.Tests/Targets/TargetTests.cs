using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Targets;

namespace Stepwise.Statistics.Tests.Targets;

public class TargetTests
{
    [Theory]
    [InlineData(0.82, 0.85, TargetVerdict.MetWithConfidence)]
    [InlineData(0.70, 0.78, TargetVerdict.MissedWithConfidence)]
    [InlineData(0.77, 0.83, TargetVerdict.Undecided)]
    public void Assess_AtLeast80Percent_VerdictFromInterval(double lower, double upper, TargetVerdict expected)
    {
        var target = TargetSpec.Parse("csat>=80%");
        var verdict = TargetAssessment.Assess(target, "overall", new Estimate((lower + upper) / 2, lower, upper, 100, 0.95)).Verdict;
        Assert.Equal(expected, verdict);
    }

    [Fact]
    public void Assess_AtMostTarget_MetWhenUpperBoundBelow()
    {
        var target = TargetSpec.Parse("response-time:wait<=15");
        Assert.Equal(TargetDirection.AtMost, target.Direction);
        Assert.Equal("wait", target.Column);
        var a = TargetAssessment.Assess(target, "wait", new Estimate(12, 10, 14, 50, 0.95));
        Assert.Equal(TargetVerdict.MetWithConfidence, a.Verdict);
        Assert.Equal(3, a.Gap, 10);
    }

    [Fact]
    public void Parse_Nps_PercentSignKeepsPoints()
        => Assert.Equal(20, TargetSpec.Parse("nps>=20").Value);

    [Fact]
    public void Parse_UnknownMetric_SaysWhichExist()
    {
        var ex = Assert.Throws<FormatException>(() => TargetSpec.Parse("happiness>=3"));
        Assert.Contains("csat", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_BaRecommendShare_IsWilsonOfTheCounts()
    {
        // 1,498 of 3,701 reviewers recommend (counted independently with Python's csv module).
        var (estimate, subject) = MetricEstimator.Estimate(SurveyFiles.Ba.Table, QualityMetric.FirstContactResolution, "Recommended");
        Assert.Equal("Recommended", subject);
        Assert.Equal(1498.0 / 3701, estimate.Value, 12);
        Assert.Equal(Proportions.Wilson(1498, 3701).Lower, estimate.Lower, 12);
    }

    [Fact]
    public void Estimate_BaTopTwoBoxOfOverall_CountsNineAndTen()
    {
        // OverallRating 9: 310 and 10: 330 of 3,696 answered (Python's csv module).
        var (estimate, _) = MetricEstimator.Estimate(SurveyFiles.Ba.Table, QualityMetric.TopTwoBox, null);
        Assert.Equal(640.0 / 3696, estimate.Value, 12);
    }

    [Fact]
    public void Plan_ReadAndAssessOnBa_SkipsWhatTheDataCannotMeasure()
    {
        string path = Path.Combine(Path.GetTempPath(), "plan-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "feature,metric,method,target,frequency,column,owner\n"
            + "loyalty,nps,survey,>=0,monthly,OverallRating,CX lead\n"
            + "courtesy,mean,survey,>=4,monthly,CabinStaffService,Cabin crew manager\n"
            + "timeliness,response-time,operational-data,<=15,weekly,,Operations\n");
        try
        {
            var plan = MeasurementPlan.Read(path);
            Assert.Equal(3, plan.Measures.Count);
            Assert.Equal(ServqualDimension.Assurance, plan.Measures[1].Feature.Dimension);
            var (assessed, skipped) = plan.Assess(SurveyFiles.Ba.Table);
            Assert.Equal(2, assessed.Count);
            Assert.Single(skipped);
            Assert.Equal("Cabin crew manager", assessed[1].Measure.Owner);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plan_UnknownFeature_NamesTheLine()
    {
        string path = Path.Combine(Path.GetTempPath(), "plan-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "feature,metric,method,target,frequency\ncourtesy,mean,survey,>=4,monthly\nspeed,mean,survey,>=4,monthly\n");
        try
        {
            var ex = Assert.Throws<Stepwise.Statistics.Tabular.DelimitedTextException>(() => MeasurementPlan.Read(path));
            Assert.Equal(3, ex.Line);
            Assert.Contains("timeliness", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
