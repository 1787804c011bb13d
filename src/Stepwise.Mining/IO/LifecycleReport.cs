using System.Globalization;
using System.Text;

namespace Stepwise.Mining.IO;

/// <summary>
/// What became of the events of an import on the way to step instances: how lifecycle transitions were handled,
/// how many events joined the instance they belong to, and which instances were left out and why. Events read
/// minus events joined minus events left out equals the step instances of the log.
/// </summary>
public sealed record LifecycleReport
{
    /// <summary>How transitions were handled.</summary>
    public LifecycleHandling Handling { get; init; }

    /// <summary>Events read (rows or XES events that could be read).</summary>
    public long EventsRead { get; init; }

    /// <summary>Step instances in the log.</summary>
    public long Instances { get; init; }

    /// <summary>Each transition value as written in the file, with how many events carry it, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Transitions { get; init; } = [];

    /// <summary>Events that joined an instance opened by an earlier event (its schedule, assign, start, suspend or
    /// resume), so they are not steps of their own.</summary>
    public long MergedEvents { get; init; }

    /// <summary>Instances scheduled or assigned but never started or completed (left out, with their events).</summary>
    public long NeverStarted { get; init; }

    /// <summary>Instances withdrawn before they started (left out, with their events).</summary>
    public long Withdrawn { get; init; }

    /// <summary>Instances skipped before they started (left out, with their events).</summary>
    public long Skipped { get; init; }

    /// <summary>Events left out with the instances above.</summary>
    public long DroppedEvents { get; init; }

    /// <summary>Instances aborted after they started (kept, ending at the abort).</summary>
    public long Aborted { get; init; }

    /// <summary>Instances started but never completed (kept, ending at their last event).</summary>
    public long Unfinished { get; init; }

    /// <summary>Suspensions ended by a resume (or the completion): time not counted as service time.</summary>
    public long Suspensions { get; init; }

    /// <summary>Events whose transition fits no open instance (a resume without a suspension, a suspend of an
    /// instance not in progress); each is kept as a step of its own.</summary>
    public long Unmatched { get; init; }

    /// <summary>Events with a transition outside the standard model (kept as steps of their own).</summary>
    public long NonStandard { get; init; }

    /// <summary>Cases left out because every event of theirs belonged to an instance that was left out.</summary>
    public long CasesLeftOut { get; init; }

    /// <summary>Whether any event carried a transition.</summary>
    public bool HasTransitions => Transitions.Count > 0;

    /// <summary>One sentence for the user on what happened, or none when there was nothing to say.</summary>
    /// <param name="names">The option names, to say how to choose otherwise.</param>
    public IEnumerable<string> Describe(ReadOptionNames? names = null)
    {
        names ??= ReadOptionNames.CommandLine;
        if (!HasTransitions)
        {
            yield break;
        }

        string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        string transitions = string.Join(", ", Transitions.Take(8).Select(t => $"{t.Key} {Count(t.Value)}")) + (Transitions.Count > 8 ? ", ..." : string.Empty);
        if (Handling != LifecycleHandling.Pair)
        {
            yield return $"{Count(EventsRead)} events kept as {Count(Instances)} steps of their own ({names.LifecycleHandling} {(Handling == LifecycleHandling.Events ? "events" : "classifier")}; transitions: {transitions}).";
            yield break;
        }

        if (MergedEvents + DroppedEvents == 0)
        {
            if (NonStandard > 0)
            {
                yield return $"{Count(NonStandard)} of {Count(EventsRead)} events have lifecycle transitions outside the XES standard lifecycle model ({transitions}), so they were not paired: each is a step of its own. To name steps by activity and transition, use {names.LifecycleHandling} classifier.";
            }

            yield break;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Count(EventsRead)} events became {Count(Instances)} step instances (transitions: {transitions}; paired by the XES standard lifecycle model)");
        var parts = new List<string>();
        if (MergedEvents > 0)
        {
            parts.Add($"{Count(MergedEvents)} schedule, assign, start, suspend and resume events joined the instance they belong to");
        }

        if (NeverStarted > 0)
        {
            parts.Add($"{Count(NeverStarted)} instances scheduled or assigned but never started or completed were left out");
        }

        if (Withdrawn > 0)
        {
            parts.Add($"{Count(Withdrawn)} withdrawn instances were left out");
        }

        if (Skipped > 0)
        {
            parts.Add($"{Count(Skipped)} skipped instances were left out");
        }

        if (Aborted > 0)
        {
            parts.Add($"{Count(Aborted)} aborted instances end at their abort");
        }

        if (Unfinished > 0)
        {
            parts.Add($"{Count(Unfinished)} started instances were never completed (kept, ending at their last event)");
        }

        if (Suspensions > 0)
        {
            parts.Add($"{Count(Suspensions)} suspensions are not counted as service time");
        }

        if (Unmatched > 0)
        {
            parts.Add($"{Count(Unmatched)} events fit no open instance and are steps of their own");
        }

        if (CasesLeftOut > 0)
        {
            parts.Add($"{Count(CasesLeftOut)} cases held only such instances and were left out");
        }

        if (NonStandard > 0)
        {
            parts.Add($"{Count(NonStandard)} events have transitions outside the standard model and are steps of their own");
        }

        if (parts.Count > 0)
        {
            text.Append(": ").Append(string.Join("; ", parts));
        }

        text.Append(CultureInfo.InvariantCulture, $". To keep every event as a step of its own use {names.LifecycleHandling} events; to name steps by activity and transition, {names.LifecycleHandling} classifier.");
        yield return text.ToString();
    }
}
