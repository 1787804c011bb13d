using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Quality;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise quality</c>: the stages of a quality review saved in the workspace: features and the measurement
/// plan, plan revisions, samples drawn and checked, feedback analysed against targets, findings, agreed actions and
/// audience briefings. Create the review with <c>review create --quality</c>; sign the plan and actions with
/// <c>review signoff</c>.
/// </summary>
internal static class QualityCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "quality";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Quality reviews in the workspace: measurement plan and revisions, samples, feedback analyses, findings, agreed actions, briefings.";

    public static Command Create()
    {
        var command = new Command(Name, Description);
        var o = ReviewOptions.AddTo(command);
        command.Subcommands.Add(Show(o));
        command.Subcommands.Add(Feature(o));
        command.Subcommands.Add(Measure(o));
        command.Subcommands.Add(Revise(o));
        command.Subcommands.Add(QualitySampleCommands.Draw(o));
        command.Subcommands.Add(QualitySampleCommands.Check(o));
        command.Subcommands.Add(QualityAnalysisCommands.Analyse(o));
        command.Subcommands.Add(QualityAnalysisCommands.Findings(o));
        command.Subcommands.Add(QualityAnalysisCommands.Finding(o));
        command.Subcommands.Add(QualityActionCommands.Action(o));
        command.Subcommands.Add(QualityActionCommands.Brief(o));
        return command;
    }

    internal static Argument<string> ReviewArgument() => new("review") { Description = "The quality review's id (or a unique prefix of it, or its title)." };

    private static Command Show(ReviewOptions o)
    {
        var id = ReviewArgument();
        var command = new Command("show", "Show everything a quality review holds: plan and revisions, samples and checks, analyses, findings, actions, briefings, sign-offs.") { id };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            return CommonOptions.Print(context, QualityReport.Build(session.Bench.Quality.Show(session.Actor, reviewId)), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Feature(ReviewOptions o)
    {
        var id = ReviewArgument();
        var name = new Option<string>("--name") { Description = "The feature of the service, e.g. \"Inflight wifi service\".", Required = true };
        var description = new Option<string?>("--description") { Description = "What it means here." };
        var why = new Option<string?>("--why") { Description = "Why it affects satisfaction (a driver analysis, complaints, staff experience)." };
        var command = new Command("feature", "Add a feature of the service that affects satisfaction (or change the one with that name).") { id, name, description, why };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Quality.SaveFeature(session.Actor, reviewId, new FeatureRequest { Name = parse.GetValue(name)!, Description = parse.GetValue(description), Why = parse.GetValue(why) });
            return CommonOptions.Print(context, new Report().Add(QualityReport.Features(saved.Value)), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Measure(ReviewOptions o)
    {
        var id = ReviewArgument();
        var metric = new Option<string>("--metric") { Description = "The metric's name, unique in the plan, e.g. \"Wifi top-2-box\".", Required = true };
        var feature = new Option<string?>("--feature") { Description = "The feature it measures (one of the review's features)." };
        var statistic = new Option<string?>("--statistic") { Description = "How it is computed from feedback: csat, mean, top2, nps, ces, fcr, response-time or qa (none when measured elsewhere)." };
        var column = new Option<string?>("--column") { Description = "The feedback column it is computed on (the overall score or outcome when omitted)." };
        var method = new Option<string>("--method") { Description = "survey, qa-review, mystery-shopping, complaint-analysis or operational-data.", Required = true };
        var target = new Option<string>("--target") { Description = "The target, e.g. >=80% or <=4 (a bare number is a floor; % is a share except for NPS).", Required = true };
        var frequency = new Option<string>("--frequency") { Description = "daily, weekly, monthly, quarterly or yearly.", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who is accountable for the measure." };
        var source = new Option<string?>("--source") { Description = "The data source, e.g. \"post-flight e-mail survey\"." };
        var design = new Option<string?>("--sample-design") { Description = "The sample design, e.g. \"stratified by class, 400 a month\"." };
        var command = new Command("measure", "Add a line to the measurement plan (or change the one with that metric): feature, metric, method, target, frequency, owner.") { id, metric, feature, statistic, column, method, target, frequency, owner, source, design };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Quality.SaveMeasure(session.Actor, reviewId, new MeasureRequest
            {
                Metric = parse.GetValue(metric)!,
                Feature = parse.GetValue(feature),
                Statistic = parse.GetValue(statistic),
                Column = parse.GetValue(column),
                Method = parse.GetValue(method)!,
                Target = parse.GetValue(target)!,
                Frequency = parse.GetValue(frequency)!,
                Owner = parse.GetValue(owner),
                Source = parse.GetValue(source),
                SampleDesign = parse.GetValue(design),
            });
            return CommonOptions.Print(context, new Report().Add(QualityReport.Measures(saved.Value)), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Revise(ReviewOptions o)
    {
        var id = ReviewArgument();
        var metric = new Option<string>("--metric") { Description = "The metric revised.", Required = true };
        var reason = new Option<string>("--reason") { Description = "low-response-rate, unrepresentative-sample, method-not-working, target-changed or other.", Required = true };
        var explanation = new Option<string>("--explanation") { Description = "What was seen, e.g. \"12% answered; 30% were planned\".", Required = true };
        var sample = new Option<string?>("--sample") { Description = "The sample whose check showed the problem." };
        var method = new Option<string?>("--method") { Description = "The new method." };
        var source = new Option<string?>("--source") { Description = "The new source." };
        var design = new Option<string?>("--sample-design") { Description = "The new sample design." };
        var frequency = new Option<string?>("--frequency") { Description = "The new frequency." };
        var target = new Option<string?>("--target") { Description = "The new target." };
        var owner = new Option<string?>("--owner") { Description = "The new owner." };
        var command = new Command("revise", "Revise a line of the plan because its method is not working, keeping the reason and the old and new values.") { id, metric, reason, explanation, sample, method, source, design, frequency, target, owner };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Quality.ReviseMeasure(session.Actor, reviewId, new RevisionRequest
            {
                Metric = parse.GetValue(metric)!,
                Reason = parse.GetValue(reason)!,
                Explanation = parse.GetValue(explanation)!,
                Sample = parse.GetValue(sample),
                Method = parse.GetValue(method),
                Source = parse.GetValue(source),
                SampleDesign = parse.GetValue(design),
                Frequency = parse.GetValue(frequency),
                Target = parse.GetValue(target),
                Owner = parse.GetValue(owner),
            });
            return CommonOptions.Print(context, new Report().Add(QualityReport.Revisions(saved.Value)).Add(QualityReport.Measures(saved.Value)), parse.GetValue(o.Format));
        });
        return command;
    }
}
