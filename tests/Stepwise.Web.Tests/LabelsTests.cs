using Stepwise.Web.Components;

namespace Stepwise.Web.Tests;

/// <summary>Figures as the pages print them.</summary>
public sealed class LabelsTests
{
    [Theory]
    [InlineData(6984.4, "EUR", "6,984 EUR")]
    [InlineData(0.6, "EUR", "1 EUR")]
    [InlineData(0.02, "EUR", "< 1 EUR")]
    [InlineData(0.0, "EUR", "0 EUR")]
    [InlineData(12.0, null, "12")]
    public void WholeMoney_ACostThatRoundsToNothingIsStillACost(double amount, string? currency, string expected)
        => Assert.Equal(expected, Labels.WholeMoney(amount, currency));

    [Theory]
    [InlineData("stepwise steps (generated from the evidence)", "the step assessment (generated from the evidence)")]
    [InlineData("question book", "the question book")]
    [InlineData("Improvement lead", "Improvement lead")]
    [InlineData("stepwise", "stepwise")]
    public void RaisedBy_TheCommandThatGeneratedAQuestion_ReadsAsTheStepAssessment(string stored, string expected)
        => Assert.Equal(expected, Labels.RaisedBy(stored));
}
