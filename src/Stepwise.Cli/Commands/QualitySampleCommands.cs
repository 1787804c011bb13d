using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Sampling;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise quality sample</c> and <c>quality check</c>: samples kept in a quality review.</summary>
internal static class QualitySampleCommands
{
    public static Command Draw(ReviewOptions o)
    {
        var id = QualityCommand.ReviewArgument();
        var population = new Argument<FileInfo>("population") { Description = "CSV of units (one row per case or customer), or an event log with --log." };
        var name = new Option<string>("--name") { Description = "A name for the sample, unique in the review.", Required = true };
        var metric = new Option<string?>("--metric") { Description = "The metric of the measurement plan it is drawn for." };
        var unitId = SurveyCommand.Text("--id", "Unit id column (line numbers when omitted).");
        var log = new Option<bool>("--log") { Description = "The file is an event log: its cases are the units." };
        var strata = SurveyCommand.Many("--strata", "Attributes whose combinations are the strata (e.g. Class).");
        var size = NumberOption.Whole("--size", "Total sample size.", required: true);
        var allocation = SurveyCommand.Text("--allocation", "proportional (default), optimal (Neyman, needs --spread-by) or equal.");
        var spread = SurveyCommand.Text("--spread-by", "Numeric attribute whose spread per stratum drives optimal allocation.");
        var seed = NumberOption.Long("--seed", "Seed: the same seed draws the same sample.", 1);
        var delimiter = SurveyCommand.Text("--delimiter", "Field delimiter of the CSV (detected when omitted).");
        var key = SurveyCommand.Text("--pseudonymise-key", "Key for pseudonymising unit ids in the units file; or set STEPWISE_PSEUDONYM_KEY.");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the units drawn to this CSV (kept in the review by name and SHA-256)." };
        var command = new Command("sample", "Draw a stratified random sample for the review and keep it: population file and SHA-256, strata, size, seed, weights, units file.") { id, population, name, metric, unitId, log, strata, size, allocation, spread, seed, delimiter, key, output };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var (saved, _) = session.Bench.Quality.DrawSample(session.Actor, reviewId, new QualitySampleRequest
            {
                Name = parse.GetValue(name)!,
                Metric = parse.GetValue(metric),
                Population = parse.GetValue(population)!.FullName,
                Output = parse.GetValue(output)?.FullName,
                Draw = new SampleDrawRequest
                {
                    Id = parse.GetValue(unitId),
                    Log = parse.GetValue(log),
                    Strata = SurveyCommand.Split(parse.GetValue(strata)),
                    Size = parse.GetValue(size),
                    Allocation = parse.GetValue(allocation),
                    SpreadBy = parse.GetValue(spread),
                    Seed = parse.GetValue(seed),
                    Delimiter = parse.GetValue(delimiter),
                    PseudonymiseKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("STEPWISE_PSEUDONYM_KEY"),
                },
            });
            return CommonOptions.Print(context, new Report().Add(QualityReport.Sample(saved)).Add(QualityReport.Strata(saved.Value)), parse.GetValue(o.Format));
        });
        return command;
    }

    public static Command Check(ReviewOptions o)
    {
        var id = QualityCommand.ReviewArgument();
        var population = new Argument<FileInfo>("population") { Description = "The population file the sample was drawn from (checked by SHA-256)." };
        var file = new Argument<FileInfo>("file") { Description = "The units drawn, or the responses received (with the attributes, or unit ids only)." };
        var sample = new Option<string>("--sample") { Description = "The sample's name (or id).", Required = true };
        var responses = new Option<bool>("--responses") { Description = "The file holds the responses received: a response rate is worked out against the units drawn." };
        var by = SurveyCommand.Many("--attribute", "Attributes to check, repeatable or comma-separated (the sample's strata when omitted).");
        var sampleId = SurveyCommand.Text("--sample-id", "Unit id column of the file (the population's id column, else 'id', when omitted).");
        var weights = new Option<bool>("--weights") { Description = "Also work out raking weights per unit." };
        var key = SurveyCommand.Text("--pseudonymise-key", "The key the sample's ids were pseudonymised with; or set STEPWISE_PSEUDONYM_KEY.");
        var command = new Command("check", "Check a kept sample, or the responses received, against its population, and keep the check with the sample.") { id, population, file, sample, responses, by, sampleId, weights, key };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var (saved, result) = session.Bench.Quality.CheckSample(session.Actor, reviewId, new QualitySampleCheckRequest
            {
                Sample = parse.GetValue(sample)!,
                Population = parse.GetValue(population)!.FullName,
                File = parse.GetValue(file)!.FullName,
                Responses = parse.GetValue(responses),
                Attribute = SurveyCommand.Split(parse.GetValue(by)),
                Check = new SampleCheckRequest
                {
                    SampleId = parse.GetValue(sampleId),
                    Weights = parse.GetValue(weights),
                    PseudonymiseKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("STEPWISE_PSEUDONYM_KEY"),
                },
            });
            var report = new Report().Add(QualityReport.Sample(saved)).Add(QualityReport.Check(saved.Value.Checks[^1]));
            if (result.Weights.Count > 0)
            {
                var table = new ResultTable("weights", [new("id"), new("weight", CellKind.Number, Decimals: 4)], "Raking weights (match every attribute at once; mean 1)");
                foreach (var (unit, weight) in result.Weights)
                {
                    table.Add(unit, weight);
                }

                report.Add(table);
            }

            return CommonOptions.Print(context, report, parse.GetValue(o.Format));
        });
        return command;
    }
}
