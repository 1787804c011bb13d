using System.Globalization;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.Discovery;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Value;

namespace Stepwise.Steps.Questions;

/// <summary>
/// Generates the questions that challenge each step from its evidence, each naming the numbers that raised it, and
/// ranks them by impact (see <see cref="ChallengeQuestion"/>). Answers, the user's own questions and options come from a
/// <see cref="QuestionBook"/>.
/// </summary>
public static class QuestionGenerator
{
    /// <summary>How impact is computed, for report notes.</summary>
    public const string ImpactMethod = "Impact: cases affected x what is at stake per case, as a share of the same for the whole process (time: summed throughput time of all cases; cost: total cost; satisfaction: all cases x the scale's range; breaches: all cases). Ranked by impact, highest first.";

    /// <summary>Generates and ranks the questions.</summary>
    /// <exception cref="ArgumentException">A book entry answers an id no question has.</exception>
    public static IReadOnlyList<ChallengeQuestion> Generate(QuestionEvidence evidence, QuestionSettings? settings = null, QuestionBook? book = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        settings ??= new QuestionSettings();
        var questions = new List<ChallengeQuestion>();
        var totals = new Totals(evidence);
        foreach (var step in evidence.Steps.Steps)
        {
            if (step.Cases < settings.MinCases)
            {
                continue;
            }

            var handling = evidence.Handling.Steps[step.Activity];
            var value = evidence.Values.FirstOrDefault(v => string.Equals(v.Step, step.Name, StringComparison.Ordinal));
            Rework(step, handling, evidence, settings, totals, questions);
            if (step.Timer is { } timer)
            {
                // A wait set by a rule of the system is not work: ask whether the rule is right, not who could do the
                // step sooner (no waiting, hand-over, variation or automation questions about it).
                Timer(step, timer, totals, questions);
            }
            else
            {
                Waiting(step, handling, settings, totals, questions);
            }

            Bounce(step, evidence, settings, totals, questions);
            Handover(step, evidence, settings, totals, questions);
            CostForValue(step, value, evidence, settings, totals, questions);
            Variation(step, evidence, settings, totals, questions);
            Automation(step, handling, settings, totals, questions);
            NonValueAdding(step, handling, value, totals, questions);
        }

        Sequence(evidence, settings, totals, questions);
        Satisfaction(evidence, settings, totals, questions);
        Violations(evidence, settings, totals, questions);
        questions.Sort((x, y) =>
        {
            int byImpact = (double.IsNaN(y.Impact) ? -1 : y.Impact).CompareTo(double.IsNaN(x.Impact) ? -1 : x.Impact);
            return byImpact != 0 ? byImpact : y.CasesAffected != x.CasesAffected ? y.CasesAffected.CompareTo(x.CasesAffected) : string.CompareOrdinal(x.Id, y.Id);
        });
        return book is null ? questions : Apply(questions, book);
    }

    private static IReadOnlyList<ChallengeQuestion> Apply(List<ChallengeQuestion> questions, QuestionBook book)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < questions.Count; i++)
        {
            byId[questions[i].Id] = i;
        }

        var own = new List<ChallengeQuestion>();
        foreach (var entry in book.Entries)
        {
            if (entry.Id is not null && byId.TryGetValue(entry.Id, out int i))
            {
                questions[i] = questions[i] with { Answer = entry.Answer, AnsweredBy = entry.AnsweredBy, Option = entry.Option };
            }
            else if (entry.Question is not null)
            {
                string id = entry.Id ?? "user/" + entry.Line.ToString(CultureInfo.InvariantCulture);
                own.Add(new ChallengeQuestion(id, entry.Step ?? string.Empty, QuestionTrigger.User, entry.Challenge, entry.Question, "asked by a user", 0, double.NaN, ImpactUnit.None, double.NaN, QuestionOrigin.User, entry.Answer, entry.AnsweredBy, entry.Option));
            }
            else
            {
                // An answer to a question the evidence no longer raises (thresholds changed, data filtered) is kept,
                // so that no answer is lost, as a user question of its own.
                own.Add(new ChallengeQuestion(entry.Id!, entry.Step ?? string.Empty, QuestionTrigger.User, entry.Challenge, $"(no longer raised by the evidence: {entry.Id})", "answer kept from the question book", 0, double.NaN, ImpactUnit.None, double.NaN, QuestionOrigin.User, entry.Answer, entry.AnsweredBy, entry.Option));
            }
        }

        return [.. questions, .. own];
    }

    private sealed class Totals(QuestionEvidence evidence)
    {
        public double Throughput { get; } = evidence.Steps.TotalThroughputSeconds;

        public double Cost { get; } = evidence.Cost?.TotalCost ?? double.NaN;

        public int Cases { get; } = evidence.Steps.Cases;

        public double ScaleRange { get; } = evidence.Satisfaction is null ? double.NaN : evidence.Satisfaction.ScaleMax - evidence.Satisfaction.ScaleMin;

        public string Currency { get; } = evidence.Cost?.Currency ?? string.Empty;

        public double Impact(int cases, double stake, ImpactUnit unit)
        {
            double whole = unit switch
            {
                ImpactUnit.Time => Throughput,
                ImpactUnit.Cost => Cost,
                ImpactUnit.Satisfaction => Cases * ScaleRange,
                ImpactUnit.Cases => Cases,
                _ => double.NaN,
            };
            return whole > 0 && !double.IsNaN(stake) ? cases * Math.Abs(stake) / whole : double.NaN;
        }
    }

    private static void Add(List<ChallengeQuestion> into, Totals totals, string id, string step, QuestionTrigger trigger, ChallengeKind challenge, string text, string evidence, int cases, double stake, ImpactUnit unit)
        => into.Add(new ChallengeQuestion(id, step, trigger, challenge, text, evidence, cases, stake, unit, totals.Impact(cases, stake, unit)));

    private static double Zero(double x) => double.IsNaN(x) ? 0 : x;

    private static double MeanHandling(StepHandling handling) => handling.Instances == 0 || handling.Basis == HandlingTimeBasis.Unknown ? 0 : handling.TotalSeconds / handling.Instances;

    private static string BasisNote(StepHandling handling) => handling.Basis switch
    {
        HandlingTimeBasis.Measured => "measured",
        HandlingTimeBasis.Standard => "standard time given by the user",
        HandlingTimeBasis.Estimated => "estimated, not measured",
        HandlingTimeBasis.Mixed => "partly measured, partly standard or estimated",
        _ => "unknown",
    };

    private static void Rework(StepEvidence step, StepHandling handling, QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        // Rework is coming back to the step after another step. Repeating it straight after itself (in a status log,
        // mostly another update in the same state) is not work done again: named in the evidence, not counted.
        if (step.CasesWithReturns == 0 || !(step.ReworkShare >= settings.ReworkShare))
        {
            return;
        }

        var cost = evidence.Cost?.Find(step.Name);
        string text = $"'{step.Name}' is done again after another step in {Wording.Share(step.ReworkShare)} of its cases ({Wording.Count(step.CasesWithReturns)} of {Wording.Count(step.Cases)}; {Wording.Count(step.Returns)} times). Why is it not right the first time, and can the repeat be eliminated?";
        string facts = $"rework share {Wording.Share(step.ReworkShare)} (threshold {Wording.Share(settings.ReworkShare)}); {Wording.Count(step.Returns)} returns after another step"
            + (step.SelfLoops > 0 ? $"; {Wording.Count(step.SelfLoops)} repeats straight after itself not counted" : string.Empty);
        if (cost is { Coverage: Costing.CostCoverage.Full } && evidence.Cost!.TotalCost > 0)
        {
            facts += $"; rework cost {Wording.Money(cost.ReturnCost, totals.Currency)}";
            Add(into, totals, "rework/" + step.Name, step.Name, QuestionTrigger.Rework, ChallengeKind.Eliminate, text, facts, step.CasesWithReturns, cost.ReturnCost / step.CasesWithReturns, ImpactUnit.Cost);
            return;
        }

        double perRepeat = Zero(step.WaitingTime.Mean) + MeanHandling(handling);
        facts += $"; about {Wording.Duration(perRepeat)} per repeat (mean wait before the step plus handling, {BasisNote(handling)})";
        Add(into, totals, "rework/" + step.Name, step.Name, QuestionTrigger.Rework, ChallengeKind.Eliminate, text, facts, step.CasesWithReturns, step.Returns * perRepeat / step.CasesWithReturns, ImpactUnit.Time);
    }

    private static void Waiting(StepEvidence step, StepHandling handling, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        var wait = step.WaitingTime;
        if (wait.Count == 0 || !(wait.Median >= settings.WaitingMedian.TotalSeconds))
        {
            return;
        }

        bool measured = handling.Basis == HandlingTimeBasis.Measured && handling.Instances > 0;
        double share = measured ? wait.Mean / (wait.Mean + MeanHandling(handling)) : double.NaN;
        if (measured && !(share >= settings.WaitingShare))
        {
            return;
        }

        string text = $"Cases wait a median {Wording.Duration(wait.Median)} before '{step.Name}' (mean {Wording.Duration(wait.Mean)}, 90th percentile {Wording.Duration(wait.P90)}). What are they waiting for, and could the step start earlier, run in parallel with another or be triggered automatically?";
        string facts = $"median wait {Wording.Duration(wait.Median)} (threshold {Wording.Duration(settings.WaitingMedian.TotalSeconds)}) over {Wording.Count(wait.Count)} instances"
            + (measured ? $"; waiting is {Wording.Share(share)} of the step's time (threshold {Wording.Share(settings.WaitingShare)})" : string.Empty);
        Add(into, totals, "waiting/" + step.Name, step.Name, QuestionTrigger.Waiting, ChallengeKind.Resequence, text, facts, step.Cases, wait.Mean * wait.Count / step.Cases, ImpactUnit.Time);
    }

    private static void Timer(StepEvidence step, StepTimer timer, Totals totals, List<ChallengeQuestion> into)
    {
        var wait = step.WaitingTime;
        string value = Wording.Duration(timer.Seconds);
        string text;
        string facts;
        if (timer.Test == TimerTest.NearlyConstant)
        {
            text = $"'{step.Name}' comes about {value} after the step before, nearly every time (coefficient of variation {timer.CoefficientOfVariation.ToString("0.00", CultureInfo.InvariantCulture)}): a rule of the system (a timer), not work. Is the rule right: must cases wait {value}, or could they move on as soon as what the timer waits for has happened?";
            facts = $"waits before the step nearly constant: mean {Wording.Duration(wait.Mean)}, coefficient of variation {timer.CoefficientOfVariation.ToString("0.000", CultureInfo.InvariantCulture)} over {Wording.Count(timer.Waits)} waits";
        }
        else
        {
            string others = double.IsNaN(timer.OthersMedianSeconds) ? string.Empty : $" The other {Wording.Share(1 - timer.Share)} wait a median {Wording.Duration(timer.OthersMedianSeconds)}: what holds them?";
            text = $"{Wording.Share(timer.Share)} of '{step.Name}' instances ({Wording.Count(timer.Matching)} of {Wording.Count(timer.Waits)}) come {value} after the step before: a rule of the system (a timer, e.g. an automatic close), not work. Is the rule right: must cases wait {value}, or could they move on as soon as what the timer waits for has happened (the customer confirms, the payment clears)?{others}";
            facts = $"{Wording.Share(timer.Share)} of {Wording.Count(timer.Waits)} waits within {(timer.Tolerance * 100).ToString("0.#", CultureInfo.InvariantCulture)}% of {value}; median wait {Wording.Duration(wait.Median)}, mean {Wording.Duration(wait.Mean)}";
        }

        Add(into, totals, "timer/" + step.Name, step.Name, QuestionTrigger.Timer, ChallengeKind.AskWhy, text, facts, step.Cases, wait.Mean * wait.Count / step.Cases, ImpactUnit.Time);
    }

    private static void Bounce(StepEvidence step, QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        if (step.Timer is not null || step.CasesWithBounce == 0 || !(step.BounceShare >= settings.BounceShare))
        {
            return;
        }

        string who = evidence.Steps.HandoverBy == "org:resource" ? "person" : evidence.Steps.HandoverBy;
        string text = $"Work comes straight back to the same {who} at '{step.Name}' in {Wording.Count(step.CasesWithBounce)} cases ({Wording.Share(step.BounceShare)} of its cases; {Wording.Count(step.Bounces)} times handed over and returned). Could the steps around the bounce be combined, or the hand-over made complete the first time?";
        string facts = $"bounce share {Wording.Share(step.BounceShare)} (threshold {Wording.Share(settings.BounceShare)}); {Wording.Count(step.Bounces)} bounces";
        double stake = step.Bounces * Zero(step.MeanWaitAfterHandover) / step.CasesWithBounce;
        Add(into, totals, "bounce/" + step.Name, step.Name, QuestionTrigger.Bounce, ChallengeKind.Combine, text, facts, step.CasesWithBounce, stake, ImpactUnit.Time);
    }

    private static void Handover(StepEvidence step, QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        double after = step.MeanWaitAfterHandover, same = step.MeanWaitSameParticipant;
        if (step.Timer is not null || !(step.HandoverShare >= settings.HandoverShare) || double.IsNaN(after) || double.IsNaN(same) || !(after >= settings.HandoverWaitRatio * Math.Max(same, 1)))
        {
            return;
        }

        string who = evidence.Steps.HandoverBy == "org:resource" ? "someone else" : "another " + evidence.Steps.HandoverBy;
        string text = $"{Wording.Share(step.HandoverShare)} of '{step.Name}' instances are handed to {who}, and they wait {Wording.Duration(after)} on average against {Wording.Duration(same)} when the same one carries on. Could whoever does the previous step do this one too?";
        string facts = $"hand-over share {Wording.Share(step.HandoverShare)} (threshold {Wording.Share(settings.HandoverShare)}); mean wait {Wording.Duration(after)} after a hand-over vs {Wording.Duration(same)} without (ratio threshold {settings.HandoverWaitRatio.ToString("0.#", CultureInfo.InvariantCulture)})";
        int cases = (int)Math.Min(step.Cases, step.HandoversIn);
        Add(into, totals, "handover/" + step.Name, step.Name, QuestionTrigger.Handover, ChallengeKind.Combine, text, facts, cases, (after - same) * step.HandoversIn / Math.Max(1, cases), ImpactUnit.Time);
    }

    private static void CostForValue(StepEvidence step, ValueSuggestion? value, QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        var cost = evidence.Cost?.Find(step.Name);
        if (cost is null || value is null || value.Class == ValueClass.ValueAdding || !(cost.Share >= settings.CostShare))
        {
            return;
        }

        string cls = value.Class == ValueClass.NonValueAdding ? "non-value-adding" : "business-value-adding";
        string text = $"'{step.Name}' costs {Wording.Money(cost.TotalCost, totals.Currency)} ({Wording.Share(cost.Share)} of the total; {Wording.Money(cost.CostPerInstance, totals.Currency)} per instance) and is classed {cls} ({value.Reason}). Can it be eliminated, or done more cheaply?";
        string facts = $"cost share {Wording.Share(cost.Share)} (threshold {Wording.Share(settings.CostShare)}); value class {ValueSuggestion.Code(value.Class)}; handling time {BasisNote(cost.Handling)}";
        Add(into, totals, "cost/" + step.Name, step.Name, QuestionTrigger.CostForValue, value.Class == ValueClass.NonValueAdding ? ChallengeKind.Eliminate : ChallengeKind.Simplify, text, facts, step.Cases, cost.TotalCost / step.Cases, ImpactUnit.Cost);
    }

    private static void Variation(StepEvidence step, QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        bool service = evidence.Steps.HasStartTimes && step.ServiceTime.Count > 0;
        if (!service && step.Timer is not null)
        {
            return; // the wait is the timer's, not the resources'
        }

        var eligible = step.ByResource
            .Where(r => r.Instances >= settings.ResourceMinInstances)
            .Select(r => (Timing: r, Median: service ? r.MedianServiceSeconds : r.MedianWaitingSeconds))
            .Where(x => !double.IsNaN(x.Median))
            .ToList();
        if (eligible.Count < 2)
        {
            return;
        }

        var fastest = eligible.MinBy(x => x.Median);
        var slowest = eligible.MaxBy(x => x.Median);
        if (!(slowest.Median >= settings.ResourceSpread * Math.Max(fastest.Median, 1)))
        {
            return;
        }

        double overall = service ? step.ServiceTime.Median : step.WaitingTime.Median;
        double excess = 0;
        long slowInstances = 0;
        foreach (var (timing, median) in eligible)
        {
            if (median > overall)
            {
                excess += timing.Instances * (median - overall);
                slowInstances += timing.Instances;
            }
        }

        string what = service ? "handling time" : "wait before the step";
        string text = $"The median {what} at '{step.Name}' ranges from {Wording.Duration(fastest.Median)} ({fastest.Timing.Name}, {Wording.Count(fastest.Timing.Instances)} instances) to {Wording.Duration(slowest.Median)} ({slowest.Timing.Name}, {Wording.Count(slowest.Timing.Instances)}) across {eligible.Count} resources. Why, and can the fastest way become the standard?";
        // Against a fastest median of a second or so the ratio means little ("15763.1x"): above 100 it is given as such.
        double ratio = slowest.Median / Math.Max(fastest.Median, 1);
        string spread = ratio > 100 ? "over 100x" : ratio.ToString("0.#", CultureInfo.InvariantCulture) + "x";
        string facts = $"spread {spread} (threshold {settings.ResourceSpread.ToString("0.#", CultureInfo.InvariantCulture)}x) among resources with at least {settings.ResourceMinInstances} instances";
        int cases = (int)Math.Min(step.Cases, slowInstances);
        Add(into, totals, "variation/" + step.Name, step.Name, QuestionTrigger.ResourceVariation, ChallengeKind.Simplify, text, facts, cases, cases == 0 ? 0 : excess / cases, ImpactUnit.Time);
    }

    private static void Automation(StepEvidence step, StepHandling handling, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        if (step.Timer is not null || handling.Basis == HandlingTimeBasis.Unknown || double.IsNaN(handling.MedianSeconds) || handling.MedianSeconds > settings.AutomateHandling.TotalSeconds || step.Events < settings.AutomateInstances)
        {
            return;
        }

        bool intake = step.FirstInCase >= step.Events / 2.0;
        var kind = intake ? ChallengeKind.SelfService : ChallengeKind.Automate;
        string question = intake
            ? "It mostly starts the case: could customers do it themselves when they get in touch?"
            : "Could a system do it, or could it be folded into the step before?";
        string text = $"'{step.Name}' takes a median {Wording.Duration(handling.MedianSeconds)} ({BasisNote(handling)}) and is done {Wording.Count(step.Events)} times. {question}";
        string facts = $"median handling {Wording.Duration(handling.MedianSeconds)} (threshold {Wording.Duration(settings.AutomateHandling.TotalSeconds)}, {BasisNote(handling)}); {Wording.Count(step.Events)} instances (threshold {Wording.Count(settings.AutomateInstances)}); first event of the case in {Wording.Share(step.FirstInCase / (double)step.Events)} of instances";
        Add(into, totals, (intake ? "self-service/" : "automate/") + step.Name, step.Name, QuestionTrigger.Automation, kind, text, facts, step.Cases, handling.TotalSeconds / step.Cases, ImpactUnit.Time);
    }

    private static void NonValueAdding(StepEvidence step, StepHandling handling, ValueSuggestion? value, Totals totals, List<ChallengeQuestion> into)
    {
        if (value is null || value.Class != ValueClass.NonValueAdding)
        {
            return;
        }

        if (step.Timer is not null && !value.SetByUser)
        {
            return; // an automatic step: the timer question asks whether its wait is needed
        }

        double perInstance = Zero(step.WaitingTime.Mean) + MeanHandling(handling);
        string text = $"'{step.Name}' ({Wording.Count(step.Events)} instances in {Wording.Count(step.Cases)} cases, about {Wording.Duration(perInstance)} each) is classed non-value-adding ({value.Reason}). What would happen if it were not done at all?";
        string facts = $"value class NVA ({(value.SetByUser ? "set by the user" : "suggested from the evidence")}); {Wording.Count(step.Events)} instances in {Wording.Count(step.Cases)} cases; about {Wording.Duration(perInstance)} each (mean wait before plus handling, {BasisNote(handling)})";
        Add(into, totals, "non-value-adding/" + step.Name, step.Name, QuestionTrigger.NonValueAdding, ChallengeKind.Eliminate, text, facts, step.Cases, step.Events * perInstance / step.Cases, ImpactUnit.Time);
    }

    private static void Sequence(QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        var flow = evidence.Flow;
        var events = new Dictionary<int, long>();
        foreach (var node in flow.Nodes)
        {
            events[node.Activity] = node.Events;
        }

        foreach (var edge in flow.Edges)
        {
            if (edge.Source < 0 || edge.Target < 0 || edge.Source == edge.Target || edge.Cases < settings.MinCases)
            {
                continue;
            }

            double ofSource = edge.Frequency / (double)events[edge.Source];
            double ofTarget = edge.Frequency / (double)events[edge.Target];
            if (!(ofSource >= settings.CombineShare && ofTarget >= settings.CombineShare))
            {
                continue;
            }

            string a = flow.NameOf(edge.Source), b = flow.NameOf(edge.Target);
            if (evidence.Steps.Find(b)?.Timer is not null)
            {
                continue; // a timer after a step is not a second piece of work to merge with it
            }

            string text = $"'{b}' directly follows '{a}' in {Wording.Share(ofTarget)} of its instances, and {Wording.Share(ofSource)} of '{a}' lead straight to it, after a median {Wording.Duration(edge.Duration.Median)}. Could the two be one step, done by one person in one go?";
            string facts = $"{Wording.Count(edge.Frequency)} direct successions in {Wording.Count(edge.Cases)} cases; shares {Wording.Share(ofSource)} and {Wording.Share(ofTarget)} (threshold {Wording.Share(settings.CombineShare)})";
            Add(into, totals, $"combine/{a}/{b}", b, QuestionTrigger.Sequence, ChallengeKind.Combine, text, facts, edge.Cases, edge.Duration.Mean * edge.Frequency / edge.Cases, ImpactUnit.Time);
        }
    }

    private static void Satisfaction(QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        var report = evidence.Satisfaction;
        if (report is null || report.ScoredCases == 0)
        {
            return;
        }

        double scale = evidence.Steps.Cases / (double)report.ScoredCases;
        foreach (var gap in report.Gaps)
        {
            if (!gap.Flagged || !(gap.Gap < -settings.SatisfactionGap) || gap.Kind == FactorKind.Variant)
            {
                continue;
            }

            var step = gap.Kind == FactorKind.Handover ? null : evidence.Steps.Find(gap.Subject);
            int cases = gap.Kind switch
            {
                FactorKind.Step => step?.Cases ?? gap.CasesWith,
                FactorKind.Rework => step?.CasesWithRepeats ?? gap.CasesWith,
                _ => (int)Math.Round(gap.CasesWith * scale),
            };
            string who = gap.Kind switch
            {
                FactorKind.Step => $"Cases through '{gap.Subject}'",
                FactorKind.Rework => $"Cases that repeat '{gap.Subject}'",
                _ => $"Cases handed over {gap.Subject}",
            };
            string against = gap.Kind == FactorKind.Rework ? "cases doing it once" : "other cases";
            string comments = double.IsNaN(gap.NegativeShareWith) || double.IsNaN(gap.NegativeShareWithout)
                ? string.Empty
                : $"; {Wording.Share(gap.NegativeShareWith)} of their comments are negative against {Wording.Share(gap.NegativeShareWithout)}";
            var challenge = gap.Kind switch
            {
                FactorKind.Step => ChallengeKind.AskWhy,
                FactorKind.Rework => ChallengeKind.Simplify,
                _ => ChallengeKind.Combine,
            };
            string ask = gap.Kind switch
            {
                FactorKind.Step => "Ask why: what do customers experience at this step?",
                FactorKind.Rework => "What goes wrong the first time, as the customer sees it?",
                _ => "What happens to the customer at this hand-over, and could one side do both parts?",
            };
            string text = $"{who} score {Math.Abs(gap.Gap).ToString("0.00", CultureInfo.InvariantCulture)} points lower on '{report.ScoreName}' than {against} (interval {Wording.Points(gap.GapLower)} to {Wording.Points(gap.GapUpper)}; {Wording.Named("q", gap.GapQValue)}){comments}. {ask}";
            string facts = $"gap {Wording.Points(gap.Gap)} adjusted for other factors (raw {Wording.Points(gap.Difference)}); {Wording.Count(gap.CasesWith)} vs {Wording.Count(gap.CasesWithout)} scored cases; flagged at false-discovery rate {report.Options.FalseDiscoveryRate.ToString("0.###", CultureInfo.InvariantCulture)}";
            string stepName = step?.Name ?? gap.Subject;
            string id = (gap.Kind == FactorKind.Step ? "satisfaction/" : gap.Kind == FactorKind.Rework ? "satisfaction-rework/" : "satisfaction-handover/") + gap.Subject;
            Add(into, totals, id, stepName, QuestionTrigger.Satisfaction, challenge, text, facts, cases, -gap.Gap, ImpactUnit.Satisfaction);
        }
    }

    private static void Violations(QuestionEvidence evidence, QuestionSettings settings, Totals totals, List<ChallengeQuestion> into)
    {
        if (evidence.Compliance is null)
        {
            return;
        }

        foreach (var result in evidence.Compliance.Results)
        {
            if (result.Status != RuleStatus.Evaluated || result.Violations.Count == 0 || !(result.ComplianceRate < settings.ComplianceRate))
            {
                continue;
            }

            var rule = result.Rule;
            string source = rule.Source is null ? string.Empty : $" ({rule.Source})";
            string text = $"{Wording.Count(result.Violations.Count)} of {Wording.Count(result.CasesDecided)} cases break '{rule.Title}'{source} at '{result.Step}': compliance {Wording.Share(result.ComplianceRate)}. Could the step be automated, or the deadline tracked (reminders, escalation), so that the rule is kept?";
            string facts = $"rule {rule.Id}: compliance {Wording.Share(result.ComplianceRate)} (threshold {Wording.Share(settings.ComplianceRate)}); {Wording.Count(result.Violations.Count)} violating cases";
            Add(into, totals, "violation/" + rule.Id, result.Step, QuestionTrigger.Violation, ChallengeKind.Automate, text, facts, result.Violations.Count, 1, ImpactUnit.Cases);
        }
    }
}
