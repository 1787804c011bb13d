using Stepwise.Workbench.Reports;

namespace Stepwise.Workbench.Tests.Reports;

public sealed class ReportPackTests
{
    [Theory]
    [InlineData("senior-managers")]
    [InlineData("team-leaders")]
    [InlineData("front-line-staff")]
    [InlineData("partners")]
    [InlineData("analysts")]
    [InlineData("evidence-map")]
    public void EveryPack_EveryFormat_IsMade(string audience)
    {
        var r = ReportedReview.Instance.R;
        foreach (var format in new[] { "html", "pdf", "xlsx", "pptx" })
        {
            var file = r.Bench.Reports.Build(r.Lead, r.Id, new ReportRequest { Audience = audience, Format = format });
            Assert.True(file.Content.Length > 1000);
            ReportOutputs.Save(file.FileName, file.Content);
        }
    }
}
