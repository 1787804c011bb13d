using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Statistics.Sampling;
using Stepwise.Statistics.Tabular;
using Stepwise.Text.Privacy;
using Stepwise.Workbench;

using Stepwise.Workbench.Sampling;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise sample</c>: how many responses are needed (<c>size</c>), a stratified random draw of cases or
/// customers (<c>draw</c>), and whether a sample or the responses received represent the population (<c>check</c>).
/// </summary>
internal static class SampleCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "sample";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Sample sizes, stratified random samples of cases or customers, and representativeness checks.";

    /// <summary>Creates the verb and its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        command.Subcommands.Add(Size());
        command.Subcommands.Add(Draw());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command Size()
    {
        var margin = NumberOption.Number("--margin", "Margin of error: a share for proportions (0.05 = ±5 points), score units for means.", required: true);
        var confidence = NumberOption.Number("--confidence", "Confidence level.", 0.95);
        var mean = new Option<bool>("--mean") { Description = "Size for a mean (needs --sd) instead of a proportion." };
        var sd = NumberOption.OptionalNumber("--sd", "Expected standard deviation of the score (for --mean).");
        var expected = NumberOption.Number("--expected", "Expected proportion (0.5 is the most conservative).", 0.5);
        var population = NumberOption.OptionalLong("--population", "Population size, for the finite-population correction.");
        var rate = NumberOption.Number("--response-rate", "Expected response rate (share of invited units that respond).", 1);
        var format = CommonOptions.Format();
        var command = new Command("size", "Responses needed for a margin of error at a confidence level, and invitations for a response rate.");
        foreach (var o in new Option[] { margin, confidence, mean, sd, expected, population, rate, format })
        {
            command.Options.Add(o);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            bool forMean = parse.GetValue(mean);
            CheckShare(parse.GetValue(confidence), "--confidence", "a confidence level", open: true, example: "0.95");
            CheckShare(parse.GetValue(rate), "--response-rate", "a response rate", open: false, example: "0.3");
            if (!forMean)
            {
                CheckShare(parse.GetValue(margin), "--margin", "a margin for a proportion", open: true, example: "0.05");
                CheckShare(parse.GetValue(expected), "--expected", "an expected proportion", open: true, example: "0.5");
            }
            else if (parse.GetValue(margin) <= 0 || parse.GetValue(sd) is <= 0)
            {
                throw new UserError("--margin and --sd must be above zero (in the score's units).");
            }

            if (parse.GetValue(population) is < 1)
            {
                throw new UserError($"--population: {parse.GetValue(population)} is not a population size; give a whole number of at least 1.");
            }

            var size = forMean
                ? SampleSize.ForMean(parse.GetValue(margin), parse.GetValue(sd) ?? throw new UserError("--mean needs --sd, the expected standard deviation of the score."), parse.GetValue(confidence), parse.GetValue(population), parse.GetValue(rate))
                : SampleSize.ForProportion(parse.GetValue(margin), parse.GetValue(confidence), parse.GetValue(expected), parse.GetValue(population), parse.GetValue(rate));
            var record = new ResultRecord("sample_size", "Sample size")
                .Add("estimate", forMean ? "mean" : "proportion")
                .Add("margin", parse.GetValue(margin), CellKind.Number, decimals: 3)
                .Add("confidence", parse.GetValue(confidence), CellKind.Share)
                .Add("population", parse.GetValue(population), CellKind.Integer)
                .Add("unadjusted", size.Unadjusted, CellKind.Number, decimals: 1)
                .Add("responses_needed", size.Required, CellKind.Integer)
                .Add("response_rate", parse.GetValue(rate), CellKind.Share)
                .Add("invitations", size.Invitations, CellKind.Integer);
            string? shortfall = new SampleSizeRequest
            {
                Margin = parse.GetValue(margin),
                Population = parse.GetValue(population),
                ResponseRate = parse.GetValue(rate),
            }.Shortfall(size);
            if (shortfall is not null)
            {
                context.Warn(shortfall);
            }

            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(format));
        });
        return command;
    }

    private static Command Draw()
    {
        var file = new Argument<FileInfo>("population") { Description = "CSV of units (one row per case or customer), or an event log with --log." };
        var id = SurveyCommand.Text("--id", "Unit id column (line numbers when omitted).");
        var log = new Option<bool>("--log") { Description = "The file is an event log (CSV, XES, XES.gz): its cases are the units." };
        var strata = SurveyCommand.Many("--strata", "Attributes whose combinations are the strata (e.g. channel,team); 'variant' for an event log's path.");
        var size = NumberOption.Whole("--size", "Total sample size.", required: true);
        var allocation = SurveyCommand.Text("--allocation", "proportional (default), optimal (Neyman, needs --spread-by) or equal.");
        var spread = SurveyCommand.Text("--spread-by", "Numeric attribute whose spread per stratum drives optimal allocation.");
        var seed = NumberOption.Long("--seed", "Seed: the same seed draws the same sample.", 1);
        var delimiter = SurveyCommand.Text("--delimiter", "Field delimiter of the CSV (detected when omitted).");
        var key = SurveyCommand.Text("--pseudonymise-key", "Key for pseudonymising unit ids in the output (HMAC-SHA256); or set STEPWISE_PSEUDONYM_KEY.");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Also write the units drawn to this CSV (id, strata attributes, stratum, weight): a valid sample for 'stepwise sample check'." };
        var format = CommonOptions.Format();
        var command = new Command("draw", "Draw a stratified random sample of cases or customers, reproducibly from a seed.");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { id, log, strata, size, allocation, spread, seed, delimiter, key, output, format })
        {
            command.Options.Add(o);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            var request = new SampleDrawRequest
            {
                Id = parse.GetValue(id),
                Log = parse.GetValue(log),
                Strata = SurveyCommand.Split(parse.GetValue(strata)),
                Size = parse.GetValue(size),
                Allocation = parse.GetValue(allocation),
                SpreadBy = parse.GetValue(spread),
                Seed = parse.GetValue(seed),
                Delimiter = parse.GetValue(delimiter),
                PseudonymiseKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("STEPWISE_PSEUDONYM_KEY"),
            };
            var drawn = Samples.Draw(parse.GetValue(file)!.FullName, request);
            var (sample, by, mode) = (drawn.Sample, drawn.Strata, drawn.Sample.Allocation);
            var strataTable = new ResultTable("strata", [
                new("stratum"), new("population", CellKind.Integer), new("sample", CellKind.Integer), new("sd", CellKind.Number), new("weight", CellKind.Number)],
                string.Create(CultureInfo.InvariantCulture, $"{mode} allocation of {sample.Units.Count} units by {(by.Count == 0 ? "nothing (simple random sample)" : string.Join(", ", by))}, seed {sample.Seed}"));
            foreach (var s in sample.Strata.OrderByDescending(x => x.PopulationCount).ThenBy(x => x.Label, StringComparer.Ordinal))
            {
                strataTable.Add(s.Label, s.PopulationCount, s.SampleCount, double.IsNaN(s.StandardDeviation) ? null : s.StandardDeviation, double.IsNaN(s.Weight) ? null : s.Weight);
            }

            if (sample.UnitsWithoutStratum > 0)
            {
                strataTable.Notes.Add($"{Counted.Of(sample.UnitsWithoutStratum, "unit lacks", "units lack")} a stratum attribute and could not be drawn.");
            }

            if (drawn.Coverage() is { } coverage)
            {
                context.Warn(coverage);
            }

            var units = new ResultTable("units", [new("id"), new("stratum"), new("weight", CellKind.Number)], string.IsNullOrEmpty(request.PseudonymiseKey) ? "Units drawn" : "Units drawn (ids pseudonymised)");
            for (int k = 0; k < sample.Units.Count; k++)
            {
                var stratum = sample.Strata[sample.UnitStrata[k]];
                units.Add(drawn.UnitIds[k], stratum.Label, stratum.Weight);
            }

            if (parse.GetValue(output) is FileInfo target)
            {
                Samples.WriteUnits(target.FullName, drawn, request);
                context.Info($"{Counted.Of(sample.Units.Count, "unit", "units")} written to {target.Name}; check them with: stepwise sample check POPULATION {ShellWord(target.Name)} --by {ShellWord(string.Join(",", by.DefaultIfEmpty("ATTRIBUTE")))}{(request.Id is string idName ? " --id " + ShellWord(idName) : string.Empty)}");
            }

            return CommonOptions.Print(context, new Report().Add(strataTable).Add(units), parse.GetValue(format));
        });
        return command;
    }

    private static Command Check()
    {
        var population = new Argument<FileInfo>("population") { Description = "CSV of the population's units, or an event log with --log." };
        var sampleFile = new Argument<FileInfo>("sample") { Description = "CSV of the sample or the responses received: with the attributes, or with the unit ids only." };
        var id = SurveyCommand.Text("--id", "Unit id column of the population.");
        var sampleId = SurveyCommand.Text("--sample-id", "Unit id column of the sample (default: the same as --id, else 'id').");
        var log = new Option<bool>("--log") { Description = "The population is an event log: its cases are the units." };
        var by = SurveyCommand.Many("--by", "Attributes to check (e.g. channel,team).");
        var weights = new Option<bool>("--weights") { Description = "Also list raking weights per sample unit, matching every attribute at once." };
        var key = SurveyCommand.Text("--pseudonymise-key", "Key for pseudonymising unit ids in the weights (HMAC-SHA256); or set STEPWISE_PSEUDONYM_KEY.");
        var format = CommonOptions.Format();
        var command = new Command("check", "Check whether a sample, or the responses received, represents the population; flag under-represented groups and offer weights.");
        command.Arguments.Add(population);
        command.Arguments.Add(sampleFile);
        foreach (var o in new Option[] { id, sampleId, log, by, weights, key, format })
        {
            command.Options.Add(o);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            var request = new SampleCheckRequest
            {
                Id = parse.GetValue(id),
                SampleId = parse.GetValue(sampleId),
                Log = parse.GetValue(log),
                By = SurveyCommand.Split(parse.GetValue(by)),
                Weights = parse.GetValue(weights),
                PseudonymiseKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("STEPWISE_PSEUDONYM_KEY"),
            };
            var checkedSample = Samples.Check(parse.GetValue(population)!.FullName, parse.GetValue(sampleFile)!.FullName, request);
            var report = new Report();
            var balance = new ResultTable("balance", [
                new("attribute"), new("group"), new("population", CellKind.Integer), new("population_share", CellKind.Share), new("sample", CellKind.Integer), new("sample_share", CellKind.Share),
                new("std_difference", CellKind.Number), new("under_represented", CellKind.Boolean), new("weight", CellKind.Number)],
                $"Sample of {checkedSample.Sample:N0} against population of {checkedSample.Population:N0}");
            var tests = new ResultTable("tests", [new("attribute"), new("chi_square", CellKind.Number), new("df", CellKind.Integer), new("p", CellKind.Number, Decimals: 4), new("cohens_w", CellKind.Number), new("verdict")], "Chi-square goodness of fit per attribute");
            foreach (var a in checkedSample.Attributes)
            {
                foreach (var g in a.Groups)
                {
                    balance.Add(a.Attribute, g.Label, g.PopulationCount, g.PopulationShare, g.SampleCount, g.SampleShare, g.StandardisedDifference, g.UnderRepresented, double.IsNaN(g.Weight) ? null : g.Weight);
                }

                balance.Notes.AddRange(a.Notes.Select(n => a.Attribute + ": " + n));
                tests.Add(a.Attribute, a.Test?.Statistic, a.Test is null ? null : (long)a.Test.DegreesOfFreedom, a.Test?.PValue, a.Test?.EffectSize, a.IsUnbalanced() ? "not representative" : "representative");
            }

            balance.Notes.Add("Under-represented: standardised difference of -0.1 or less, or absent. Weight: population share / sample share (post-stratification on that attribute).");
            report.Add(tests).Add(balance);
            if (request.Weights)
            {
                var table2 = new ResultTable("weights", [new("id"), new("weight", CellKind.Number, Decimals: 4)], "Raking weights (match every attribute at once; mean 1)");
                foreach (var (unit, weight) in checkedSample.Weights)
                {
                    table2.Add(unit, weight);
                }

                report.Add(table2);
            }

            return CommonOptions.Print(context, report, parse.GetValue(format));
        });
        return command;
    }

    // A share strictly between 0 and 1 (open), or above 0 and at most 1.
    private static void CheckShare(double value, string option, string what, bool open, string example)
    {
        if (!(value > 0 && (open ? value < 1 : value <= 1)))
        {
            throw new UserError($"{option}: {value.ToString(CultureInfo.InvariantCulture)} is not {what}; give a share {(open ? "between 0 and 1" : "above 0, at most 1")}, e.g. {example}.");
        }
    }

    /// <summary><paramref name="word"/> as one word for a POSIX shell: as it is when it needs no quoting, else in single quotes.</summary>
    internal static string ShellWord(string word)
    {
        foreach (char ch in word)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || "_-./,:=@%+".Contains(ch, StringComparison.Ordinal)))
            {
                return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
            }
        }

        return word.Length == 0 ? "''" : word;
    }
}
