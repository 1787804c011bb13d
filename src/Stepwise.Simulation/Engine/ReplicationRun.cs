using Stepwise.Simulation.Model;
using Stepwise.Simulation.Randomness;

namespace Stepwise.Simulation.Engine;

/// <summary>
/// One replication of a compiled model: the discrete-event loop with its virtual clock, case slots recycled through a
/// free list, pools with waiting lines, and the measurements. All state is in arrays that grow to the peak number of
/// open cases and are then reused, so memory stays flat however long the horizon.
/// </summary>
internal sealed class ReplicationRun
{
    private const int MaxPathLength = 10_000;

    private readonly CompiledModel _m;
    private readonly RandomStream _random;
    private readonly EventQueue _events = new();
    private readonly ReplicationResult _result;
    private readonly double _horizonEnd;
    private readonly double _stopAt;
    private readonly ServiceLevel? _serviceLevel;

    // Case slots.
    private int[] _free = new int[64];
    private int _freeCount;
    private int _slots;
    private int[] _generation = new int[64];
    private double[] _arrival = new double[64];
    private double[] _lastDue = new double[64];
    private int[] _priority = new int[64];
    private int[] _position = new int[64];
    private int[] _blockEnd = new int[64];
    private int[] _pending = new int[64];
    private double[] _waiting = new double[64];
    private double[] _waitingSince = new double[64];
    private long[] _armed = new long[64];
    private int[][] _pathSteps = new int[64][];
    private int[][] _pathBlocks = new int[64][];
    private int[][] _pathNext = new int[64][];
    private double[][] _pathTime = new double[64][];
    private double[][] _pathCarry = new double[64][];
    private double[][] _pathWork = new double[64][];
    private int[] _pathLength = new int[64];
    private long _open;
    private long _token;

    // Whether shift changes are paused because every pool was idle at the last one.
    private bool _shiftsPaused;

    // The expected arrivals in a whole week (the integral of the hourly rates over the week).
    private readonly double _weeklyArrivals;

    // Pools.
    private readonly int[] _busy;
    private readonly int[] _capacity;
    private readonly double[] _lastChange;
    private readonly long[] _capacityHour;
    private readonly WaitingLine[][] _lines;

    public ReplicationRun(CompiledModel model, long seed, int replication, double horizonSeconds, double maxDrainSeconds)
    {
        _m = model;
        _random = RandomStream.ForReplication(seed, replication);
        _result = new ReplicationResult(model.StepNames.Length, model.PoolNames.Length, model.PriorityCumulative.Length) { Replication = replication, HorizonSeconds = horizonSeconds };
        _horizonEnd = model.StartSeconds + horizonSeconds;
        _weeklyArrivals = model.ArrivalRatePerSecond.Sum() * PoolCalendar.Hour;
        _stopAt = _horizonEnd + maxDrainSeconds;
        _serviceLevel = model.Model.ServiceLevel;
        int pools = model.PoolNames.Length;
        _busy = new int[pools];
        _capacity = new int[pools];
        _lastChange = new double[pools];
        _capacityHour = new long[pools];
        _lines = new WaitingLine[pools][];
        int levels = model.PriorityCumulative.Length;
        for (int p = 0; p < pools; p++)
        {
            _lines[p] = new WaitingLine[model.PoolPriority[p] ? levels : 1];
            for (int l = 0; l < _lines[p].Length; l++)
            {
                _lines[p][l] = new WaitingLine();
            }
        }
    }

    public ReplicationResult Run(CancellationToken cancellation = default)
    {
        double now = _m.StartSeconds;
        for (int p = 0; p < _capacity.Length; p++)
        {
            _capacity[p] = _m.PoolCalendars[p].CapacityAt(now);
            _capacityHour[p] = (long)Math.Floor(now / PoolCalendar.Hour);
            _lastChange[p] = now;
        }

        double first = NextArrival(now);
        if (first < _horizonEnd)
        {
            _events.Push(new ScheduledEvent { Time = first, Kind = EventKind.Arrival });
        }

        _events.Push(new ScheduledEvent { Time = _horizonEnd, Kind = EventKind.Horizon });
        if (_m.HasVaryingCapacity)
        {
            _events.Push(new ScheduledEvent { Time = _m.NextShiftChange(now), Kind = EventKind.ShiftChange });
        }

        long processed = 0;
        while (_events.Count > 0)
        {
            var e = _events.Pop();
            if (e.Time > _stopAt)
            {
                break;
            }

            now = e.Time;
            processed++;
            if ((processed & 0xFFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            switch (e.Kind)
            {
                case EventKind.Arrival:
                    Arrive(now);
                    double next = NextArrival(now);
                    if (next < _horizonEnd)
                    {
                        _events.Push(new ScheduledEvent { Time = next, Kind = EventKind.Arrival });
                    }

                    break;
                case EventKind.DelayDone:
                    if (_generation[e.Slot] == e.Generation)
                    {
                        Engage(e.Slot, e.PathIndex, e.Assignment, now);
                    }

                    break;
                case EventKind.StepDone:
                    StepDone(now, in e);
                    break;
                case EventKind.Abandon:
                    Abandon(now, in e);
                    break;
                case EventKind.ShiftChange:
                    for (int p = 0; p < _capacity.Length; p++)
                    {
                        // A pool with nobody busy and nothing waiting learns its staff when work reaches it: with
                        // hundreds of sporadic teams, updating them all every hour would dominate the run.
                        if (_busy[p] == 0 && AllEmpty(_lines[p]))
                        {
                            continue;
                        }

                        Accumulate(p, now);
                        _capacity[p] = _m.PoolCalendars[p].CapacityAt(now);
                        _capacityHour[p] = (long)Math.Floor(now / PoolCalendar.Hour);
                        Dispatch(p, now);
                    }

                    if (AllPoolsIdle())
                    {
                        // Nobody is at work and nothing waits: shift changes are paused until work reaches a pool
                        // (Engage), which brings its staff up to date and resumes them. Over a long quiet horizon
                        // (a log of a few cases spread over centuries) they would otherwise be walked hour by hour.
                        _shiftsPaused = true;
                    }
                    else if (_open > 0 || now < _horizonEnd)
                    {
                        _events.Push(new ScheduledEvent { Time = _m.NextShiftChange(now), Kind = EventKind.ShiftChange });
                    }

                    break;
                case EventKind.Horizon:
                    _result.BacklogAtHorizon = _open;
                    break;
            }
        }

        for (int p = 0; p < _capacity.Length; p++)
        {
            Accumulate(p, _horizonEnd);
            _result.PoolStaffSeconds[p] = _m.PoolCalendars[p].StaffSecondsBetween(_m.StartSeconds, _horizonEnd);
        }

        _result.OpenAtEnd = _open;
        _result.Events = processed;
        return _result;
    }

    private double NextArrival(double t)
    {
        // A Poisson stream whose rate is constant within each hour: spend an exponential amount of "rate x time".
        var rates = _m.ArrivalRatePerSecond;
        double need = _random.NextExponential();
        while (t < _horizonEnd)
        {
            // At the start of a week, whole weeks of arrival intensity that the wait outlasts are passed over at once:
            // a log of a few sporadic cases over centuries would otherwise be walked an hour at a time (tens of
            // millions of hours an arrival). The hours within a week are walked as before, so ordinary streams,
            // whose waits end within the week, draw exactly the same arrivals.
            if (need > _weeklyArrivals && (long)(t / PoolCalendar.Hour) % 168 == 0 && t == Math.Floor(t / PoolCalendar.Hour) * PoolCalendar.Hour)
            {
                if (_weeklyArrivals <= 0)
                {
                    return double.PositiveInfinity;
                }

                double weeks = Math.Floor(need / _weeklyArrivals);
                if (weeks * _weeklyArrivals >= need)
                {
                    weeks--;
                }

                if (weeks >= 1)
                {
                    need -= weeks * _weeklyArrivals;
                    t += weeks * PoolCalendar.Week;
                    continue;
                }
            }

            double hourEnd = (Math.Floor(t / PoolCalendar.Hour) + 1) * PoolCalendar.Hour;
            double rate = rates[(int)((long)(t / PoolCalendar.Hour) % 168)];
            if (rate > 0)
            {
                double dt = need / rate;
                if (t + dt <= hourEnd)
                {
                    return t + dt;
                }

                need -= rate * (hourEnd - t);
            }

            t = hourEnd;
        }

        return double.PositiveInfinity;
    }

    private void Arrive(double now)
    {
        int slot = Allocate();
        _result.Arrivals++;
        _result.ArrivalsByHourOfDay[(int)((long)(now / PoolCalendar.Hour) % 24)]++;
        _arrival[slot] = now;
        _lastDue[slot] = now;
        _waiting[slot] = 0;
        _armed[slot] = 0;
        double u = _random.NextDouble();
        int priority = 0;
        var cumulative = _m.PriorityCumulative;
        while (priority < cumulative.Length - 1 && u >= cumulative[priority])
        {
            priority++;
        }

        _priority[slot] = priority;
        int length = SamplePath(slot);
        DrawTimes(slot, length);
        var edits = _m.PathEdits;
        for (int i = 0; i < edits.Length; i++)
        {
            length = edits[i].Apply(_pathSteps[slot], _pathBlocks[slot], _pathTime[slot], _pathCarry[slot], length);
        }

        _pathLength[slot] = length;
        _position[slot] = 0;
        StartNext(slot, now);
    }

    private int SamplePath(int slot)
    {
        var steps = _pathSteps[slot];
        var blocks = _pathBlocks[slot];
        var next = _pathNext[slot];
        int length = 0;
        int state = _m.StartState;
        var start = _m.StateChoiceStart;
        var cumulative = _m.ChoiceCumulative;
        while (state >= 0 && length < MaxPathLength)
        {
            int from = start[state];
            int to = start[state + 1];
            if (from == to)
            {
                break;
            }

            double u = _random.NextDouble();
            int choice = from;
            while (choice < to - 1 && u >= cumulative[choice])
            {
                choice++;
            }

            int step = _m.ChoiceStep[choice];
            if (step < 0)
            {
                break;
            }

            if (length + _m.PathGrowth + 1 >= steps.Length)
            {
                Array.Resize(ref _pathSteps[slot], steps.Length * 2);
                Array.Resize(ref _pathBlocks[slot], steps.Length * 2);
                Array.Resize(ref _pathNext[slot], steps.Length * 2);
                Array.Resize(ref _pathWork[slot], steps.Length * 2);
                Array.Resize(ref _pathTime[slot], steps.Length * 2);
                Array.Resize(ref _pathCarry[slot], steps.Length * 2);
                steps = _pathSteps[slot];
                blocks = _pathBlocks[slot];
                next = _pathNext[slot];
            }

            if (length > 0)
            {
                next[length - 1] = step;
            }

            steps[length] = step;
            blocks[length] = 0;
            next[length] = StepElapsed.EndOfCase;
            length++;
            state = _m.ChoiceNextState[choice];
        }

        return length;
    }

    /// <summary>
    /// Draws each step's time from due to done along the path as drawn, before the scenario edits it: a step's time
    /// depends on the case's age, counted on that path from the end of its first step (as in a log), so a step the
    /// scenario removes saves its time rather than making the steps after it look younger, and waiting for staff
    /// changes the throughput time by itself. The first step of a case takes no time: in a log the case starts when its
    /// first step is recorded done, so that step's time (and work) lies before the case's start.
    /// </summary>
    private void DrawTimes(int slot, int length)
    {
        var steps = _pathSteps[slot];
        var next = _pathNext[slot];
        var times = _pathTime[slot];
        var carry = _pathCarry[slot];
        double age = 0;
        for (int i = 0; i < length; i++)
        {
            carry[i] = double.NaN;
            var ages = _m.AgeElapsed[steps[i]];
            if (!ages.Any)
            {
                times[i] = double.NaN;
                continue;
            }

            if (i == 0)
            {
                times[i] = _m.StepElapsed[steps[i]].Any ? 0 : double.NaN;
                continue;
            }

            double time = ages.Sample(next[i], age, _random, out double carryOn);
            age += time;
            var elapsed = _m.StepElapsed[steps[i]];
            if (ReferenceEquals(elapsed, ages) || elapsed.SameRules(ages))
            {
                times[i] = time;
                carry[i] = carryOn;
            }
            else
            {
                times[i] = elapsed.Any ? elapsed.Sample(next[i], age - time, _random, out carryOn) : double.NaN;
                carry[i] = elapsed.Any ? carryOn : double.NaN;
            }
        }
    }

    private void StartNext(int slot, double now)
    {
        int position = _position[slot];
        int length = _pathLength[slot];
        if (position >= length)
        {
            Complete(slot, now);
            return;
        }

        _lastDue[slot] = now;
        var blocks = _pathBlocks[slot];
        int block = blocks[position];
        int end = position + 1;
        if (block != 0)
        {
            while (end < length && blocks[end] == block)
            {
                end++;
            }
        }

        _blockEnd[slot] = end;
        _pending[slot] = end - position;
        for (int i = position; i < end; i++)
        {
            StartStep(slot, i, now);
        }
    }

    private void StartStep(int slot, int pathIndex, double now)
    {
        int step = _pathSteps[slot][pathIndex];
        double time = _pathTime[slot][pathIndex];
        if (double.IsNaN(time))
        {
            _pathWork[slot][pathIndex] = double.NaN; // the step takes its work, drawn when it begins
            Engage(slot, pathIndex, -2, now);
            return;
        }

        // The step's time from due to done (without waiting for staff) holds its work: the rest is waiting that needs
        // no staff (the customer, a third party, a timer), which comes first.
        int assignment = ChooseAssignment(step);
        double work = Math.Min(SampleWork(step, assignment), time);
        _pathWork[slot][pathIndex] = work;
        if (work <= 0)
        {
            // No work: nobody needs to be free (the first step of a case, which lies before its start, or a step whose
            // whole time is waiting).
            assignment = -1;
        }

        double delay = time - work;
        if (delay > 0)
        {
            _result.StepDelaySeconds[step] += delay;
            _events.Push(new ScheduledEvent { Time = now + delay, Kind = EventKind.DelayDone, Slot = slot, Generation = _generation[slot], PathIndex = pathIndex, Assignment = assignment });
            return;
        }

        Engage(slot, pathIndex, assignment, now);
    }

    /// <summary>A pool for the step by the pools' shares (-1 when the step needs no staff).</summary>
    private int ChooseAssignment(int step)
    {
        int count = _m.StepAssignmentCount[step];
        if (count == 0)
        {
            return -1;
        }

        int assignment = _m.StepAssignmentStart[step];
        if (count > 1)
        {
            double u = _random.NextDouble();
            int last = assignment + count - 1;
            while (assignment < last && u >= _m.AssignmentCumulative[assignment])
            {
                assignment++;
            }
        }

        return assignment;
    }

    /// <summary>The step's work: done at once when it needs no staff, else by the pool when someone is free.
    /// <paramref name="assignment"/> is the pool chosen already, or -2 to choose it now.</summary>
    private void Engage(int slot, int pathIndex, int assignment, double now)
    {
        int step = _pathSteps[slot][pathIndex];
        if (assignment == -2)
        {
            assignment = ChooseAssignment(step);
        }

        if (assignment < 0)
        {
            double work = _pathWork[slot][pathIndex] is var w && !double.IsNaN(w) ? w : SampleWork(step, -1);
            _result.Cost += _m.StepFixedCost[step];
            _result.StepWorkSeconds[step] += work;
            _events.Push(new ScheduledEvent { Time = now + work, Kind = EventKind.StepDone, Slot = slot, Generation = _generation[slot], PathIndex = pathIndex, Assignment = -1 });
            return;
        }

        int pool = _m.AssignmentPool[assignment];
        Refresh(pool, now);
        double carryOn = _pathCarry[slot][pathIndex] is var drawn && !double.IsNaN(drawn) ? drawn : _m.StepContinuation[step];
        if (carryOn > 0 && pathIndex > 0 && _random.NextDouble() < carryOn)
        {
            // Whoever did the previous step carries on: nobody else has to be free, and the work runs to its end.
            Begin(slot, pathIndex, assignment, now, now, continuing: true);
            return;
        }

        var lines = _lines[pool];
        int level = lines.Length == 1 ? 0 : _priority[slot];
        if (_busy[pool] < _capacity[pool] && AllEmpty(lines))
        {
            Begin(slot, pathIndex, assignment, now, now);
            return;
        }

        long token = 0;
        if (_m.StepHasPatience[step])
        {
            token = ++_token;
            _armed[slot] = token;
            _waitingSince[slot] = now;
            _events.Push(new ScheduledEvent { Time = now + _m.StepPatience[step].Sample(_random), Kind = EventKind.Abandon, Slot = slot, Generation = _generation[slot], Token = token });
        }

        lines[level].Enqueue(new WaitingWork { Since = now, Token = token, Slot = slot, Generation = _generation[slot], PathIndex = pathIndex, Assignment = assignment });
        Dispatch(pool, now);
    }

    private bool AllPoolsIdle()
    {
        for (int p = 0; p < _capacity.Length; p++)
        {
            if (_busy[p] > 0 || !AllEmpty(_lines[p]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllEmpty(WaitingLine[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Dispatch(int pool, double now)
    {
        var lines = _lines[pool];
        while (_busy[pool] < _capacity[pool])
        {
            int level = lines.Length - 1;
            while (level >= 0 && lines[level].Count == 0)
            {
                level--;
            }

            if (level < 0)
            {
                return;
            }

            var work = lines[level].Dequeue();
            if (_generation[work.Slot] != work.Generation)
            {
                continue; // the customer gave up
            }

            if (work.Token != 0 && _armed[work.Slot] == work.Token)
            {
                _armed[work.Slot] = 0;
            }

            Begin(work.Slot, work.PathIndex, work.Assignment, work.Since, now);
        }
    }

    private void Begin(int slot, int pathIndex, int assignment, double since, double now, bool continuing = false)
    {
        int step = _pathSteps[slot][pathIndex];
        int pool = _m.AssignmentPool[assignment];
        double wait = now - since;
        _waiting[slot] += wait;
        _result.StepWaitingSeconds[step] += wait;
        _result.PoolWaitingSeconds[pool] += wait;
        _result.StepWaits[step]++;
        Accumulate(pool, now);
        _busy[pool]++;
        double work = _pathWork[slot][pathIndex] is var drawn && !double.IsNaN(drawn) ? drawn : SampleWork(step, assignment);
        _result.StepWorkSeconds[step] += work;
        _result.Cost += (work * _m.PoolCostPerSecond[pool]) + _m.StepFixedCost[step];
        double end = _m.PoolPauses[pool] && !continuing ? _m.PoolCalendars[pool].Advance(now, work) : now + work;
        _events.Push(new ScheduledEvent { Time = end, Kind = EventKind.StepDone, Slot = slot, Generation = _generation[slot], PathIndex = pathIndex, Assignment = assignment });
    }

    private double SampleWork(int step, int assignment)
    {
        double work = assignment >= 0 ? _m.AssignmentDuration[assignment].Sample(_random) : _m.StepDuration[step].Sample(_random);
        int partner = _m.StepSumPartner[step];
        if (partner >= 0)
        {
            work += _m.StepDuration[partner].Sample(_random);
        }

        return work;
    }

    private void StepDone(double now, in ScheduledEvent e)
    {
        if (e.Assignment >= 0)
        {
            int pool = _m.AssignmentPool[e.Assignment];
            Accumulate(pool, now);
            _busy[pool]--;
            Dispatch(pool, now);
        }

        int slot = e.Slot;
        if (_generation[slot] != e.Generation)
        {
            return;
        }

        _result.StepExecutions[_pathSteps[slot][e.PathIndex]]++;

        if (--_pending[slot] == 0)
        {
            _position[slot] = _blockEnd[slot];
            StartNext(slot, now);
        }
    }

    private void Abandon(double now, in ScheduledEvent e)
    {
        int slot = e.Slot;
        if (_generation[slot] != e.Generation || _armed[slot] != e.Token)
        {
            return;
        }

        double waited = _waiting[slot] + (now - _waitingSince[slot]);
        _result.Abandoned++;
        _result.CasesThatWaited++;
        _result.WaitingSeconds.Add(waited);
        _result.WaitingByPriority[_priority[slot]] += waited;
        _result.EndedByPriority[_priority[slot]]++;
        Release(slot);
    }

    private void Complete(int slot, double now)
    {
        double throughput = now - _arrival[slot];
        _result.Completed++;
        _result.ThroughputSeconds.Add(throughput);
        _result.BeforeLastStepSeconds.Add(_lastDue[slot] - _arrival[slot]);
        _result.WaitingSeconds.Add(_waiting[slot]);
        _result.WaitingByPriority[_priority[slot]] += _waiting[slot];
        _result.EndedByPriority[_priority[slot]]++;
        if (_waiting[slot] > 0)
        {
            _result.CasesThatWaited++;
        }

        if (_serviceLevel is { } level)
        {
            double measured = level.Measure == ServiceLevelMeasure.Throughput ? throughput : _waiting[slot];
            if (measured <= level.TargetSeconds)
            {
                _result.WithinServiceLevel++;
            }
        }

        Release(slot);
    }

    /// <summary>Brings a pool's staff up to date when it was left idle over shift changes, and resumes shift changes
    /// when they were paused while every pool was idle.</summary>
    private void Refresh(int pool, double now)
    {
        if (_shiftsPaused)
        {
            _shiftsPaused = false;
            _events.Push(new ScheduledEvent { Time = _m.NextShiftChange(now), Kind = EventKind.ShiftChange });
        }

        long hour = (long)Math.Floor(now / PoolCalendar.Hour);
        if (hour != _capacityHour[pool])
        {
            Accumulate(pool, now);
            _capacity[pool] = _m.PoolCalendars[pool].CapacityAt(now);
            _capacityHour[pool] = hour;
        }
    }

    private void Accumulate(int pool, double now)
    {
        double to = Math.Min(now, _horizonEnd);
        double from = _lastChange[pool];
        if (to > from)
        {
            // Work beyond the staff on shift (calls finishing after a shift ends, back-office work paused overnight)
            // is not counted: utilisation is the share of on-shift staff time spent working.
            _result.PoolBusySeconds[pool] += Math.Min(_busy[pool], _capacity[pool]) * (to - from);
            _lastChange[pool] = to;
        }
    }

    private int Allocate()
    {
        _open++;
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_slots == _generation.Length)
        {
            int size = _slots * 2;
            Array.Resize(ref _generation, size);
            Array.Resize(ref _arrival, size);
            Array.Resize(ref _lastDue, size);
            Array.Resize(ref _priority, size);
            Array.Resize(ref _position, size);
            Array.Resize(ref _blockEnd, size);
            Array.Resize(ref _pending, size);
            Array.Resize(ref _waiting, size);
            Array.Resize(ref _waitingSince, size);
            Array.Resize(ref _armed, size);
            Array.Resize(ref _pathSteps, size);
            Array.Resize(ref _pathBlocks, size);
            Array.Resize(ref _pathNext, size);
            Array.Resize(ref _pathWork, size);
            Array.Resize(ref _pathTime, size);
            Array.Resize(ref _pathCarry, size);
            Array.Resize(ref _pathLength, size);
            Array.Resize(ref _free, size);
        }

        int slot = _slots++;
        _pathSteps[slot] = new int[16 + _m.PathGrowth];
        _pathBlocks[slot] = new int[16 + _m.PathGrowth];
        _pathNext[slot] = new int[16 + _m.PathGrowth];
        _pathWork[slot] = new double[16 + _m.PathGrowth];
        _pathTime[slot] = new double[16 + _m.PathGrowth];
        _pathCarry[slot] = new double[16 + _m.PathGrowth];
        return slot;
    }

    private void Release(int slot)
    {
        _open--;
        _generation[slot]++;
        _free[_freeCount++] = slot;
    }
}
