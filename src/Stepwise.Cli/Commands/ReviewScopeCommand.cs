using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review scope</c>: write or change a review's scope (a <see cref="ScopeRequest"/>).</summary>
internal static class ReviewScopeCommand
{
    public static Command Create(ReviewOptions o)
    {
        var from = new Option<string?>("--from") { Description = "The start of the period the review covers (ISO-8601)." };
        var to = new Option<string?>("--to") { Description = "The end of the period (exclusive)." };
        var window = new Option<string?>("--window") { Description = "How cases relate to the period: intersecting (default), starting, ending or contained." };
        var start = ReviewVerb.Many("--start", "An activity cases start with (repeat, or comma-separated).");
        var end = ReviewVerb.Many("--end", "An activity cases end with (repeat).");
        var contains = ReviewVerb.Many("--contains", "An activity every case contains (repeat).");
        var excludes = ReviewVerb.Many("--excludes", "An activity no case contains (repeat).");
        var channels = ReviewVerb.Many("--channels", "The channels in scope, e.g. phone,email (values of --channel-attribute).");
        var channelAttribute = new Option<string?>("--channel-attribute") { Description = "The attribute holding the channel (default channel)." };
        var caseTypes = ReviewVerb.Many("--case-types", "The case types in scope, e.g. incident,request (values of --case-type-attribute).");
        var caseTypeAttribute = new Option<string?>("--case-type-attribute") { Description = "The attribute holding the case type (default case_type)." };
        var where = ReviewVerb.Many("--where", "Another attribute condition to keep: 'priority=1,2' (repeat).");
        var whereNot = ReviewVerb.Many("--where-not", "An attribute condition to drop: 'priority=4' (repeat).");
        var topVariants = new Option<int?>("--top-variants") { Description = "Only the cases of the N most frequent paths." };
        var variants = ReviewVerb.Many("--variants", "Only the cases taking this path: 'Open>Resolve>Close' (repeat).");
        var minDuration = new Option<string?>("--min-duration") { Description = "The shortest case kept, e.g. 1h." };
        var maxDuration = new Option<string?>("--max-duration") { Description = "The longest case kept, e.g. 90d." };
        var inScope = ReviewVerb.Many("--in", "What is in scope, in words (repeat).");
        var outOfScope = ReviewVerb.Many("--out", "What is out of scope, in words (repeat).");
        var allow = ReviewVerb.Many("--allow", "A kind of change allowed: remove-step, automate, merge, resequence, parallelise, add-staff, remove-staff, change-hours, reduce-rework, self-service, demand-growth (repeat).");
        var budget = new Option<decimal?>("--budget") { Description = "The budget cap (one-off spend)." };
        var keep = ReviewVerb.Many("--keep", "A step that must stay, with why: 'Verify identity=FCA rules require it' (repeat).");
        var constraint = ReviewVerb.Many("--constraint", "Another constraint in words (repeat).");
        var clear = ReviewVerb.Many("--clear", "Empty a field: time_window, start, end, contains, excludes, channels, case_types, where, top_variants, variants, duration, in, out, allow, budget, keep, constraint.");
        return ReviewVerb.Create(o, "scope", "Write or change the scope of a review: boundaries of the process and what may change; options not given keep their value. A change makes earlier sign-offs of the scope stale.", (session, reviewId, parse, _, _) =>
        {
            var request = new ScopeRequest
            {
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Window = parse.GetValue(window),
                Start = ReviewVerb.Given(parse, start),
                End = ReviewVerb.Given(parse, end),
                Contains = ReviewVerb.Given(parse, contains),
                Excludes = ReviewVerb.Given(parse, excludes),
                Channels = ReviewVerb.Given(parse, channels),
                ChannelAttribute = parse.GetValue(channelAttribute),
                CaseTypes = ReviewVerb.Given(parse, caseTypes),
                CaseTypeAttribute = parse.GetValue(caseTypeAttribute),
                Where = ReviewVerb.Given(parse, where),
                WhereNot = ReviewVerb.Given(parse, whereNot),
                TopVariants = parse.GetValue(topVariants),
                Variants = ReviewVerb.Given(parse, variants),
                MinDuration = parse.GetValue(minDuration),
                MaxDuration = parse.GetValue(maxDuration),
                In = ReviewVerb.Given(parse, inScope),
                Out = ReviewVerb.Given(parse, outOfScope),
                Allow = ReviewVerb.Given(parse, allow),
                Budget = parse.GetValue(budget),
                Keep = ReviewVerb.Given(parse, keep),
                Constraint = ReviewVerb.Given(parse, constraint),
                Clear = parse.GetValue(clear) ?? [],
            };
            var saved = session.Bench.Reviews.SaveScope(session.Actor, reviewId, request);
            var record = new ResultRecord("scope", "Scope")
                .Add("review", reviewId.ToString("D"))
                .Add("version", saved.Version, CellKind.Integer)
                .Add("hash", saved.Hash.Hex)
                .Add("start_activities", string.Join("; ", saved.Value.Filter.StartActivities))
                .Add("end_activities", string.Join("; ", saved.Value.Filter.EndActivities))
                .Add("allowed_changes", string.Join(", ", saved.Value.Change.AllowedChanges))
                .Add("budget_cap", saved.Value.Change.BudgetCap, CellKind.Number);
            var text = new ResultTable("scope_text", [new("line")], "The scope as it is signed");
            foreach (var line in ScopeRequest.Describe(saved.Value))
            {
                text.Add(line);
            }

            return new Report().Add(record).Add(text);
        }, from, to, window, start, end, contains, excludes, channels, channelAttribute, caseTypes, caseTypeAttribute, where, whereNot, topVariants, variants, minDuration, maxDuration, inScope, outOfScope, allow, budget, keep, constraint, clear);
    }
}
