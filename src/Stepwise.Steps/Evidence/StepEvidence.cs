using Stepwise.Mining.Statistics;

namespace Stepwise.Steps.Evidence;

/// <summary>What the event log shows about one step (activity) of the process: volume, rework, timing and hand-overs.
/// Rework is a case coming back to the step after another step; repeating it straight after itself (in status logs,
/// often a second update in the same state) is counted apart.</summary>
/// <param name="Activity">The activity id in the log.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Events">Instances of the step.</param>
/// <param name="Cases">Cases that pass through it at least once.</param>
/// <param name="Repeats">Instances beyond the first within a case (those coming back after another step, and those
/// straight after itself).</param>
/// <param name="CasesWithRepeats">Cases that do the step more than once.</param>
/// <param name="SelfLoops">Instances that directly follow an instance of the same step (in status logs, often a change
/// of sub-status rather than work done again).</param>
/// <param name="ServiceTime">Start to completion, in seconds, over instances with a start time (empty when the log has none).</param>
/// <param name="WaitingTime">From the previous event's completion to this instance's start (its completion when there is
/// no start), in seconds; first events of cases are not counted.</param>
/// <param name="TransitionsIn">Instances whose previous event in the case has a participant, as has this one.</param>
/// <param name="HandoversIn">Of those, instances done by a different participant than the previous event (work handed over).</param>
/// <param name="Bounces">Instances where work comes straight back: handed from A to B, who hands it back to A (A, B, A,
/// consecutive events by the same participant taken as one, so A, B, B, A is a bounce too).</param>
/// <param name="CasesWithBounce">Cases with at least one bounce at this step.</param>
/// <param name="MeanWaitAfterHandover">Mean waiting in seconds before instances that were handed over (NaN when none).</param>
/// <param name="MeanWaitSameParticipant">Mean waiting in seconds before instances done by the previous event's participant (NaN when none).</param>
/// <param name="FirstInCase">Instances that are the first event of their case (intake steps).</param>
/// <param name="ByResource">The step's instances by resource, with median timing, most active first.</param>
public sealed record StepEvidence(
    int Activity,
    string Name,
    long Events,
    int Cases,
    long Repeats,
    int CasesWithRepeats,
    long SelfLoops,
    DurationStatistics ServiceTime,
    DurationStatistics WaitingTime,
    long TransitionsIn,
    long HandoversIn,
    long Bounces,
    int CasesWithBounce,
    double MeanWaitAfterHandover,
    double MeanWaitSameParticipant,
    long FirstInCase,
    IReadOnlyList<ResourceTiming> ByResource)
{
    /// <summary>Cases that come back to the step after another step (A, B, A): the cases with rework at the step. A case
    /// that only repeats it straight after itself (A, A) is not counted.</summary>
    public int CasesWithReturns { get; init; }

    /// <summary>Instances that come back to the step after another step (rework executions): <see cref="Repeats"/> less
    /// <see cref="SelfLoops"/>.</summary>
    public long Returns => Repeats - SelfLoops;

    /// <summary>Share of the step's cases that come back to it after another step (NaN when it has no cases): the step's
    /// rework, leaving out repeats straight after itself.</summary>
    public double ReworkShare => Cases == 0 ? double.NaN : CasesWithReturns / (double)Cases;

    /// <summary>Share of the step's cases that do it more than once in any way, straight after itself included (NaN when
    /// it has no cases).</summary>
    public double RepeatShare => Cases == 0 ? double.NaN : CasesWithRepeats / (double)Cases;

    /// <summary>The timer that sets the wait before the step, when the wait is a rule of the system rather than work
    /// (null when none was recognised).</summary>
    public StepTimer? Timer { get; init; }

    /// <summary>Share of the step's instances with a known previous participant that were handed over (NaN when none).</summary>
    public double HandoverShare => TransitionsIn == 0 ? double.NaN : HandoversIn / (double)TransitionsIn;

    /// <summary>Share of the step's cases in which work bounced back at it.</summary>
    public double BounceShare => Cases == 0 ? double.NaN : CasesWithBounce / (double)Cases;
}
