using System.Text;
using Stepwise.Mining;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Synthetic;

namespace Stepwise.Steps.Tests;

/// <summary>Generates planted feedback for a log and reads it back through the CSV path the product uses.</summary>
internal static class PlantedFeedbackRun
{
    /// <summary>The effects planted in the help-desk tests: repeating the take-in-charge step costs 1.5 points, work
    /// passing from Value 1 to Value 2 costs 1 point; everything else has no effect.</summary>
    public static IReadOnlyList<PlantedEffect> Effects { get; } =
    [
        PlantedEffect.Repeat("Take in charge ticket", -1.5),
        PlantedEffect.Handover("Value 1", "Value 2", -1.0),
    ];

    /// <summary>The mapping of the generator's CSV columns.</summary>
    public static FeedbackImportOptions ReadOptions { get; } = new()
    {
        AutoDetect = false,
        OverallScale = ScoreScale.ZeroToTen,
        ItemScale = ScoreScale.Likert5,
        Mapping = new FeedbackColumnMapping
        {
            ResponseId = "response_id",
            CaseId = "case_id",
            CustomerId = "customer_id",
            Date = "response_date",
            Overall = "overall_satisfaction",
            Items = ["speed", "helpfulness"],
            Comments = ["comment"],
        },
    };

    /// <summary>Generates responses and imports them from their CSV text.</summary>
    public static (PlantedFeedback Truth, FeedbackTable Table) Generate(EventLog log, PlantedFeedbackOptions options)
    {
        var planted = PlantedFeedbackGenerator.Generate(log, options);
        using var writer = new StringWriter();
        planted.WriteCsv(writer);
        var table = DelimitedTextReader.Parse(Encoding.UTF8.GetBytes(writer.ToString()), "planted.csv");
        var import = FeedbackReader.Import(table, ReadOptions);
        Assert.Empty(import.BadRows);
        return (planted, import.Table);
    }

    /// <summary>Generates, imports, links by case id and analyses.</summary>
    public static (PlantedFeedback Truth, SatisfactionReport Report) Analyse(EventLog log, long seed, SatisfactionOptions? options = null)
    {
        var (truth, table) = Generate(log, new PlantedFeedbackOptions { Seed = seed, Effects = Effects });
        var linked = FeedbackLinker.Link(log, table);
        return (truth, SatisfactionAnalysis.Compute(log, linked, options));
    }
}
