using System.Globalization;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Value;

/// <summary>
/// Suggests a lean value class for each step from the evidence, with the reason, unless the user set one. The rules, in
/// order: a step the user classed keeps their class; an automatic step, most of whose instances a timer sets (see
/// <see cref="StepTimer.SetsMost"/>), is non-value-adding: no one works on it and the time it stands for is the wait
/// the timer imposes; a step whose name says it is a waiting or parked status (wait,
/// awaiting, pending, on hold, queued) is non-value-adding; a step whose name says it corrects or re-does work is
/// non-value-adding; a step on which a timer was found for part of its instances (fewer than half) is not
/// value-adding, whatever its name: the time it stands for is largely the timer's wait, so it is
/// business-value-adding (it closes or records work the business needs), for the user to review; a step whose name
/// says the work is done in it (in progress, working, processing, handling, investigating) or that delivers the outcome
/// the customer asked for (resolve, fix, answer, respond, repair, refund, deliver, complete) is value-adding, even when
/// it is done again after other work (its repeats are rework, which the rework question asks about; in a status log
/// the work step is also where work resumes after every wait); any other step that is mostly done again after other
/// work (at least half of its instances, not counting direct self-loops) is non-value-adding; a step a compliance rule
/// is about, or that registers, assigns, checks, approves or closes work, is business-value-adding; any other step is
/// business-value-adding, for the user to review.
/// </summary>
public static class ValueClassifier
{
    private static readonly string[] Waiting = ["wait", "awaiting", "pending", "on hold", "hold", "queued", "queue", "parked", "suspend"];
    private static readonly string[] Correction = ["rework", "redo", "re-do", "correct", "reopen", "re-open", "chase", "reminder", "escalat", "duplicate", "invalid", "cancel"];
    private static readonly string[] Outcome = ["resolve", "solve", "fix", "answer", "respond", "response", "repair", "refund", "deliver", "complete", "replace", "upgrade", "intervention", "advice", "verified"];
    private static readonly string[] Work = ["in progress", "progress", "working", "processing", "handling", "investigat", "diagnos"];
    private static readonly string[] Control = ["insert", "register", "log", "create", "open", "assign", "classif", "seriousness", "triage", "check", "verif", "approv", "review", "close", "closed", "accept", "schedule"];

    /// <summary>Suggests a class for every step of <paramref name="evidence"/>.</summary>
    /// <param name="evidence">The steps.</param>
    /// <param name="overrides">Classes set by the user, by step name.</param>
    /// <param name="compliance">The compliance report, whose rules make their steps business-value-adding.</param>
    public static IReadOnlyList<ValueSuggestion> Suggest(StepEvidenceSet evidence, IReadOnlyDictionary<string, ValueClass>? overrides = null, ComplianceReport? compliance = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var ruled = new HashSet<string>(StringComparer.Ordinal);
        if (compliance is not null)
        {
            foreach (var result in compliance.Results)
            {
                foreach (var activity in result.Rule.Activities)
                {
                    ruled.Add(activity);
                }
            }
        }

        var result2 = new List<ValueSuggestion>(evidence.Steps.Count);
        foreach (var step in evidence.Steps)
        {
            result2.Add(Suggest(step, overrides, ruled));
        }

        return result2;
    }

    private static ValueSuggestion Suggest(StepEvidence step, IReadOnlyDictionary<string, ValueClass>? overrides, HashSet<string> ruled)
    {
        if (overrides is not null && overrides.TryGetValue(step.Name, out var set))
        {
            return new ValueSuggestion(step.Name, set, "set by the user", true);
        }

        if (step.Timer is { SetsMost: true } timer)
        {
            return new ValueSuggestion(step.Name, ValueClass.NonValueAdding, string.Create(CultureInfo.InvariantCulture, $"an automatic step: {timer.Share * 100:0}% of its instances come {Questions.Wording.Duration(timer.Seconds)} after the step before, set by a timer (a rule of the system); no one works on it, and the time it stands for is waiting"), false);
        }

        string name = step.Name.ToLowerInvariant();
        if (Has(name, Waiting, out string? word))
        {
            return new ValueSuggestion(step.Name, ValueClass.NonValueAdding, $"a waiting or parked status ('{word}'): no work is done for the customer", false);
        }

        if (Has(name, Correction, out word))
        {
            return new ValueSuggestion(step.Name, ValueClass.NonValueAdding, $"corrects, chases or re-does work ('{word}')", false);
        }

        if (step.Timer is { } partTimer)
        {
            return new ValueSuggestion(step.Name, ValueClass.BusinessValueAdding, string.Create(CultureInfo.InvariantCulture, $"not value-adding: {partTimer.Share * 100:0}% of its instances come {Questions.Wording.Duration(partTimer.Seconds)} after the step before, set by a timer, so the time it stands for is largely waiting; it records or closes work the business needs: review"), false);
        }

        // Direct self-loops are left out: in status logs they are mostly changes of sub-status, not work done again.
        double repeatShare = step.Events == 0 ? 0 : (step.Repeats - step.SelfLoops) / (double)step.Events;
        string repeats = repeatShare >= 0.5 ? string.Create(CultureInfo.InvariantCulture, $"; {repeatShare * 100:0}% of its instances repeat it after other work, rework the rework question asks about") : string.Empty;
        if (Has(name, Work, out word))
        {
            return new ValueSuggestion(step.Name, ValueClass.ValueAdding, $"the work for the customer is done in it ('{word}'){repeats}", false);
        }

        if (Has(name, Outcome, out word))
        {
            return new ValueSuggestion(step.Name, ValueClass.ValueAdding, $"delivers what the customer asked for ('{word}'){repeats}", false);
        }

        if (repeatShare >= 0.5)
        {
            return new ValueSuggestion(step.Name, ValueClass.NonValueAdding, string.Create(CultureInfo.InvariantCulture, $"{repeatShare * 100:0}% of its instances repeat it after other work (rework)"), false);
        }

        if (ruled.Contains(step.Name))
        {
            return new ValueSuggestion(step.Name, ValueClass.BusinessValueAdding, "a compliance rule is about it: required, though the customer would not pay for it", false);
        }

        if (Has(name, Control, out word))
        {
            return new ValueSuggestion(step.Name, ValueClass.BusinessValueAdding, $"registers, routes, checks or closes work ('{word}'): needed by the business, not by the customer", false);
        }

        return new ValueSuggestion(step.Name, ValueClass.BusinessValueAdding, "no evidence either way: review", false);
    }

    private static bool Has(string name, string[] words, out string? found)
    {
        foreach (string word in words)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                found = word;
                return true;
            }
        }

        found = null;
        return false;
    }
}
