using Stepwise.Testing;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>Amounts in reports carry the currency the review's rates name, and none when they name none.</summary>
public sealed class ReportCurrencyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-currency-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reports_RatesNamingNoCurrency_AmountsWithoutOne()
    {
        var r = new HelpdeskReview();
        string rates = Path.Combine(_folder, "rates.yaml");
        var lines = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-rates.yaml")).Where(l => !l.StartsWith("currency:", StringComparison.Ordinal));
        File.WriteAllLines(rates, lines);
        r.Bench.Steps.Assess(r.Lead, r.Id, new AnalysisRequest(), new StepReviewRequest { Rates = rates, Rules = "it-service-desk" });

        foreach (var audience in new[] { "senior-managers", "analysts", "team-leaders" })
        {
            string html = System.Text.Encoding.UTF8.GetString(r.Bench.Reports.Build(r.Lead, r.Id, new ReportRequest { Audience = audience, Format = "html" }).Content);
            Assert.Contains("Cost", html, StringComparison.Ordinal);
            foreach (var code in new[] { "EUR", "GBP", "USD", "€", "£" })
            {
                Assert.DoesNotContain(code, html, StringComparison.Ordinal);
            }
        }
    }
}
