using Stepwise.Mining.Time;

namespace Stepwise.Mining.Assembly;

/// <summary>What pairing did, for the import report.</summary>
internal sealed class PairingCounts
{
    public long Merged;
    public long Dropped;
    public long NeverStarted;
    public long Withdrawn;
    public long Skipped;
    public long Aborted;
    public long Unfinished;
    public long Suspensions;
    public long Unmatched;
    public long NonStandard;
}

/// <summary>
/// Joins the events of each activity instance into one step instance, following the XES standard lifecycle model
/// (IEEE 1849 lifecycle extension, standard model). Within a case, in time order, per activity:
/// <list type="bullet">
/// <item><c>schedule</c> opens an instance; <c>assign</c>/<c>reassign</c> and <c>start</c> join the oldest open
///   instance not yet started (or open one); the instance's start time is its <c>start</c>;</item>
/// <item><c>suspend</c> and <c>resume</c> join the oldest instance in progress / suspended; the time between them
///   is a suspension, not service time;</item>
/// <item><c>complete</c> closes the oldest started instance (else the oldest not started, else it stands alone);
///   the completing event represents the instance (its resource and attributes);</item>
/// <item><c>withdraw</c>, <c>autoskip</c> and <c>manualskip</c> end the oldest instance not yet started: it did not
///   happen and is left out; <c>ate_abort</c> ends the oldest started instance at the abort (kept);
///   <c>pi_abort</c> does so and ends every other open instance of the case;</item>
/// <item>at the end of the case, an instance started but not completed is kept, ending at its last event; one never
///   started is left out;</item>
/// <item>events without a transition, with <c>unknown</c>, or with a value outside the model stand alone, as do
///   events that fit no open instance.</item>
/// </list>
/// Instances are matched first in, first out. Events that joined an instance are dropped (counted as merged);
/// events of instances left out are dropped (counted with the reason).
/// </summary>
internal static class LifecyclePairing
{
    private enum State : byte
    {
        Scheduled,
        Assigned,
        InProgress,
        Suspended,
    }

    private struct Instance
    {
        public int Activity;
        public State State;
        public long Start;
        public long SuspendedAt;
        public int Pauses;
        public int Head;
        public int Tail;
        public int Rows;
        public bool Open;
    }

    /// <summary>Pairs the events of every case; returns which rows to drop. Start times, completion times (for
    /// instances ended by a case abort) and suspension references of the representing rows are set in place.</summary>
    public static bool[] Pair(AssemblyColumns cols, int[] offsets, List<long[]> pauses, PairingCounts counts)
    {
        int n = offsets[^1];
        var lifecycles = cols.Lifecycles!;
        var acts = cols.Activities;
        var times = cols.Times;
        var starts = cols.EnsureStarts();
        var pauseRef = cols.Pauses ??= CreateFilled(n, -1);
        var drop = new bool[n];
        var next = new int[n];
        var open = new List<Instance>();
        var pauseScratch = new List<List<long>>();
        for (int c = 0; c < offsets.Length - 1; c++)
        {
            open.Clear();
            pauseScratch.Clear();
            for (int i = offsets[c]; i < offsets[c + 1]; i++)
            {
                var lc = lifecycles[i];
                int a = acts[i];
                long t = times[i];
                next[i] = -1;
                int k;
                switch (lc)
                {
                    case Lifecycle.None:
                        break;
                    case Lifecycle.Other:
                    case Lifecycle.Unknown:
                        counts.NonStandard++;
                        break;
                    case Lifecycle.Schedule:
                        OpenInstance(open, a, i, State.Scheduled);
                        break;
                    case Lifecycle.Assign:
                    case Lifecycle.Reassign:
                        k = Find(open, a, started: false);
                        if (k < 0)
                        {
                            OpenInstance(open, a, i, State.Assigned);
                        }
                        else
                        {
                            Join(open, k, i, next);
                            Set(open, k, State.Assigned);
                        }

                        break;
                    case Lifecycle.Start:
                        k = Find(open, a, started: false);
                        if (k < 0)
                        {
                            k = OpenInstance(open, a, i, State.InProgress);
                        }
                        else
                        {
                            Join(open, k, i, next);
                        }

                        var started = open[k];
                        started.State = State.InProgress;
                        started.Start = t;
                        open[k] = started;
                        break;
                    case Lifecycle.Suspend:
                        k = Find(open, a, State.InProgress);
                        if (k < 0)
                        {
                            counts.Unmatched++;
                            break;
                        }

                        Join(open, k, i, next);
                        var suspended = open[k];
                        suspended.State = State.Suspended;
                        suspended.SuspendedAt = t;
                        open[k] = suspended;
                        break;
                    case Lifecycle.Resume:
                        k = Find(open, a, State.Suspended);
                        if (k < 0)
                        {
                            counts.Unmatched++;
                            break;
                        }

                        Join(open, k, i, next);
                        EndSuspension(open, k, t, pauseScratch, counts);
                        Set(open, k, State.InProgress);
                        break;
                    case Lifecycle.Complete:
                        k = Find(open, a, started: true);
                        if (k < 0)
                        {
                            k = Find(open, a, started: false);
                        }

                        if (k >= 0)
                        {
                            Join(open, k, i, next);
                            Close(open, k, i, cols, pauseRef, pauses, pauseScratch, drop, next, counts);
                        }

                        break;
                    case Lifecycle.Withdraw:
                    case Lifecycle.AutoSkip:
                    case Lifecycle.ManualSkip:
                        k = Find(open, a, started: false);
                        if (k >= 0)
                        {
                            Join(open, k, i, next);
                            Discard(open, k, drop, next, counts);
                        }
                        else
                        {
                            drop[i] = true;
                            counts.Dropped++;
                        }

                        if (lc == Lifecycle.Withdraw)
                        {
                            counts.Withdrawn++;
                        }
                        else
                        {
                            counts.Skipped++;
                        }

                        break;
                    case Lifecycle.AteAbort:
                    case Lifecycle.PiAbort:
                        k = Find(open, a, started: true);
                        if (k >= 0)
                        {
                            Join(open, k, i, next);
                            Close(open, k, i, cols, pauseRef, pauses, pauseScratch, drop, next, counts);
                            counts.Aborted++;
                        }
                        else if ((k = Find(open, a, started: false)) >= 0)
                        {
                            Join(open, k, i, next);
                            Discard(open, k, drop, next, counts);
                            counts.Withdrawn++;
                        }
                        else if (lc == Lifecycle.AteAbort)
                        {
                            counts.Unmatched++;
                        }
                        else
                        {
                            // The case's abort, for no open instance of this activity: not a step.
                            drop[i] = true;
                            counts.Dropped++;
                        }

                        if (lc == Lifecycle.PiAbort)
                        {
                            // Every other open instance ends here too.
                            for (int j = 0; j < open.Count; j++)
                            {
                                if (!open[j].Open)
                                {
                                    continue;
                                }

                                if (open[j].State is State.InProgress or State.Suspended)
                                {
                                    int rep = open[j].Tail;
                                    times[rep] = Math.Max(times[rep], t);
                                    Close(open, j, rep, cols, pauseRef, pauses, pauseScratch, drop, next, counts);
                                    counts.Aborted++;
                                }
                                else
                                {
                                    Discard(open, j, drop, next, counts);
                                    counts.Withdrawn++;
                                }
                            }
                        }

                        break;
                }
            }

            // Instances still open when the case ends.
            for (int j = 0; j < open.Count; j++)
            {
                if (!open[j].Open)
                {
                    continue;
                }

                if (open[j].State is State.InProgress or State.Suspended)
                {
                    int rep = open[j].Tail;
                    Close(open, j, rep, cols, pauseRef, pauses, pauseScratch, drop, next, counts);
                    counts.Unfinished++;
                }
                else
                {
                    Discard(open, j, drop, next, counts);
                    counts.NeverStarted++;
                }
            }
        }

        return drop;
    }

    private static int[] CreateFilled(int n, int value)
    {
        var array = new int[n];
        array.AsSpan().Fill(value);
        return array;
    }

    private static int OpenInstance(List<Instance> open, int activity, int row, State state)
    {
        open.Add(new Instance { Activity = activity, State = state, Start = Timestamp.None, Pauses = -1, Head = row, Tail = row, Rows = 1, Open = true });
        return open.Count - 1;
    }

    private static void Set(List<Instance> open, int k, State state)
    {
        var instance = open[k];
        instance.State = state;
        open[k] = instance;
    }

    /// <summary>The oldest open instance of the activity, started (in progress or suspended) or not.</summary>
    private static int Find(List<Instance> open, int activity, bool started)
    {
        for (int k = 0; k < open.Count; k++)
        {
            var x = open[k];
            if (x.Open && x.Activity == activity && (x.State is State.InProgress or State.Suspended) == started)
            {
                return k;
            }
        }

        return -1;
    }

    private static int Find(List<Instance> open, int activity, State state)
    {
        for (int k = 0; k < open.Count; k++)
        {
            var x = open[k];
            if (x.Open && x.Activity == activity && x.State == state)
            {
                return k;
            }
        }

        return -1;
    }

    private static void Join(List<Instance> open, int k, int row, int[] next)
    {
        var instance = open[k];
        next[instance.Tail] = row;
        instance.Tail = row;
        instance.Rows++;
        open[k] = instance;
    }

    private static void EndSuspension(List<Instance> open, int k, long until, List<List<long>> scratch, PairingCounts counts)
    {
        var instance = open[k];
        if (instance.State != State.Suspended)
        {
            return;
        }

        if (instance.Pauses < 0)
        {
            instance.Pauses = scratch.Count;
            scratch.Add([]);
        }

        scratch[instance.Pauses].Add(instance.SuspendedAt);
        scratch[instance.Pauses].Add(Math.Max(instance.SuspendedAt, until));
        instance.State = State.InProgress;
        open[k] = instance;
        counts.Suspensions++;
    }

    /// <summary>Ends instance <paramref name="k"/> as one step represented by <paramref name="rep"/>; its other events are dropped.</summary>
    private static void Close(List<Instance> open, int k, int rep, AssemblyColumns cols, int[] pauseRef, List<long[]> pauses, List<List<long>> scratch, bool[] drop, int[] next, PairingCounts counts)
    {
        EndSuspension(open, k, cols.Times[rep], scratch, counts);
        var instance = open[k];
        instance.Open = false;
        open[k] = instance;
        if (instance.Start != Timestamp.None && instance.Start < cols.Times[rep])
        {
            cols.Starts![rep] = instance.Start;
        }

        if (instance.Pauses >= 0)
        {
            pauseRef[rep] = pauses.Count;
            pauses.Add([.. scratch[instance.Pauses]]);
        }

        for (int row = instance.Head; row >= 0; row = row == instance.Tail ? -1 : next[row])
        {
            if (row != rep)
            {
                drop[row] = true;
                counts.Merged++;
            }
        }
    }

    /// <summary>Leaves instance <paramref name="k"/> out: every event of it is dropped.</summary>
    private static void Discard(List<Instance> open, int k, bool[] drop, int[] next, PairingCounts counts)
    {
        var instance = open[k];
        instance.Open = false;
        open[k] = instance;
        for (int row = instance.Head; row >= 0; row = row == instance.Tail ? -1 : next[row])
        {
            drop[row] = true;
            counts.Dropped++;
        }
    }
}
