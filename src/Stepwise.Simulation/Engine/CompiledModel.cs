using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;

namespace Stepwise.Simulation.Engine;

/// <summary>
/// A model (with a scenario applied) turned into flat arrays for the event loop. Immutable and shared by all
/// replications; everything that changes during a run lives in <see cref="ReplicationRun"/>.
/// </summary>
internal sealed class CompiledModel
{
    private CompiledModel()
    {
    }

    public required SimulationModel Model { get; init; }

    public required string[] StepNames { get; init; }

    public required Sampler[] StepDuration { get; init; }

    public required StepElapsed[] StepElapsed { get; init; }

    public required double[] StepContinuation { get; init; }

    /// <summary>Each step's times as in the model before the scenario, which count a case's age (see
    /// <see cref="ReplicationRun"/>): a step the scenario automates still ages the case as it would have.</summary>
    public required StepElapsed[] AgeElapsed { get; init; }

    public required int[] StepSumPartner { get; init; }

    public required bool[] StepHasPatience { get; init; }

    public required Sampler[] StepPatience { get; init; }

    public required double[] StepFixedCost { get; init; }

    public required int[] StepAssignmentStart { get; init; }

    public required int[] StepAssignmentCount { get; init; }

    public required int[] AssignmentPool { get; init; }

    public required double[] AssignmentCumulative { get; init; }

    public required Sampler[] AssignmentDuration { get; init; }

    public required string[] PoolNames { get; init; }

    public required PoolCalendar[] PoolCalendars { get; init; }

    public required bool[] PoolPriority { get; init; }

    public required bool[] PoolPauses { get; init; }

    public required double[] PoolCostPerSecond { get; init; }

    public required double[] ArrivalRatePerSecond { get; init; }

    public required double[] PriorityCumulative { get; init; }

    public required int[] StateChoiceStart { get; init; }

    public required int[] ChoiceStep { get; init; }

    public required double[] ChoiceCumulative { get; init; }

    public required int[] ChoiceNextState { get; init; }

    public required int StartState { get; init; }

    public required PathEdit[] PathEdits { get; init; }

    public required int PathGrowth { get; init; }

    /// <summary>The engine clock's origin: the Monday 00:00 UTC of the start's week.</summary>
    public required DateTime Origin { get; init; }

    /// <summary>When the simulated period starts, in seconds since <see cref="Origin"/>.</summary>
    public required double StartSeconds { get; init; }

    public bool HasVaryingCapacity => PoolCalendars.Any(c => c.Varies);

    /// <summary>For each hour of the week, whether any pool's staff may change when it begins.</summary>
    public required bool[] ShiftChangeHours { get; init; }

    /// <summary>The start of the next hour after <paramref name="t"/> at which any pool's staff may change.</summary>
    public double NextShiftChange(double t)
    {
        long hour = (long)Math.Floor(t / PoolCalendar.Hour) + 1;
        for (int i = 0; i < 168; i++, hour++)
        {
            if (ShiftChangeHours[(int)(hour % 168)])
            {
                return hour * PoolCalendar.Hour;
            }
        }

        return double.PositiveInfinity;
    }

    public static CompiledModel Compile(SimulationModel model, Scenario? scenario, DateTime start)
    {
        ModelFile.Check(model);
        var asIs = model;
        var (changed, pathChanges, sumOf) = ScenarioApplication.Apply(model, scenario);
        model = changed;
        start = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        var origin = start.Date.AddDays(-(((int)start.DayOfWeek + 6) % 7));
        int originDay = DateOnly.FromDateTime(origin).DayNumber;

        var pools = model.Pools;
        var poolIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < pools.Count; p++)
        {
            poolIndex[pools[p].Name] = p;
        }

        var calendars = new PoolCalendar[pools.Count];
        for (int p = 0; p < pools.Count; p++)
        {
            var capacity = pools[p].Capacity.ToHourOfWeek();
            var holidays = new HashSet<int>(pools[p].Holidays.Select(d => d.DayNumber - originDay));
            calendars[p] = new PoolCalendar(capacity, holidays, p + 1);
        }

        var steps = model.Activities;
        var stepIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int a = 0; a < steps.Count; a++)
        {
            stepIndex[steps[a].Name] = a;
        }

        int assignments = steps.Sum(s => s.Pools.Count);
        var assignmentPool = new int[assignments];
        var assignmentCumulative = new double[assignments];
        var assignmentDuration = new Sampler[assignments];
        var assignmentStart = new int[steps.Count];
        var assignmentCount = new int[steps.Count];
        int k = 0;
        for (int a = 0; a < steps.Count; a++)
        {
            assignmentStart[a] = k;
            assignmentCount[a] = steps[a].Pools.Count;
            double total = steps[a].Pools.Sum(p => p.Share);
            double cumulative = 0;
            foreach (var assignment in steps[a].Pools)
            {
                cumulative += total > 0 ? assignment.Share / total : 1.0 / steps[a].Pools.Count;
                assignmentPool[k] = poolIndex[assignment.Pool];
                assignmentCumulative[k] = cumulative;
                assignmentDuration[k] = new Sampler(assignment.Duration ?? steps[a].Duration);
                k++;
            }

            if (assignmentCount[a] > 0)
            {
                assignmentCumulative[k - 1] = 1.0;
            }
        }

        var (stateStart, choiceStep, choiceCumulative, choiceNext, startState) = CompileRouting(model.Routing, stepIndex);
        var edits = new List<PathEdit>();
        int growth = 0;
        int block = 0;
        foreach (var change in pathChanges)
        {
            switch (change)
            {
                case RemoveStep c:
                    edits.Add(new RemoveStepEdit(stepIndex[c.Step]));
                    break;
                case MergeSteps c:
                    edits.Add(new MergeStepsEdit(stepIndex[c.First], stepIndex[c.Second], stepIndex[c.Name ?? $"{c.First} + {c.Second}"], c.Duration is not null));
                    break;
                case MoveStep c:
                    edits.Add(new MoveStepEdit(stepIndex[c.Step], stepIndex[c.Before]));
                    break;
                case ParallelSteps c:
                    edits.Add(new ParallelStepsEdit([.. c.Steps.Distinct(StringComparer.Ordinal).Select(s => stepIndex[s])], ++block));
                    break;
            }

            growth += edits[^1].Growth;
        }

        var priorities = model.Arrivals.PriorityShares;
        var priorityCumulative = new double[Math.Max(1, priorities.Count)];
        if (priorities.Count == 0)
        {
            priorityCumulative[0] = 1;
        }
        else
        {
            double c = 0;
            for (int i = 0; i < priorities.Count; i++)
            {
                c += priorities[i];
                priorityCumulative[i] = c;
            }

            priorityCumulative[^1] = 1;
        }

        var sumPartner = new int[steps.Count];
        for (int a = 0; a < steps.Count; a++)
        {
            sumPartner[a] = sumOf.TryGetValue(steps[a].Name, out var partner) ? stepIndex[partner] : -1;
        }

        return new CompiledModel
        {
            Model = model,
            StepNames = [.. steps.Select(s => s.Name)],
            StepDuration = [.. steps.Select(s => new Sampler(s.Duration))],
            StepElapsed = [.. steps.Select(s => new StepElapsed(s, stepIndex))],
            StepContinuation = [.. steps.Select(s => s.Pools.Count == 0 ? 0 : s.Continuation)],
            AgeElapsed = [.. steps.Select(s => new StepElapsed(asIs.Activities.FirstOrDefault(a => a.Name == s.Name) ?? s, stepIndex))],
            StepSumPartner = sumPartner,
            StepHasPatience = [.. steps.Select(s => s.Patience is not null)],
            StepPatience = [.. steps.Select(s => s.Patience is null ? default : new Sampler(s.Patience))],
            StepFixedCost = [.. steps.Select(s => s.CostPerExecution)],
            StepAssignmentStart = assignmentStart,
            StepAssignmentCount = assignmentCount,
            AssignmentPool = assignmentPool,
            AssignmentCumulative = assignmentCumulative,
            AssignmentDuration = assignmentDuration,
            PoolNames = [.. pools.Select(p => p.Name)],
            PoolCalendars = calendars,
            PoolPriority = [.. pools.Select(p => p.Discipline == QueueDiscipline.Priority)],
            PoolPauses = [.. pools.Select(p => p.WorkPausesOffShift)],
            PoolCostPerSecond = [.. pools.Select(p => (p.CostPerHour ?? 0) / 3600)],
            ArrivalRatePerSecond = Array.ConvertAll(model.Arrivals.CasesPerHour.ToHourOfWeek(), r => r / 3600),
            PriorityCumulative = priorityCumulative,
            StateChoiceStart = stateStart,
            ChoiceStep = choiceStep,
            ChoiceCumulative = choiceCumulative,
            ChoiceNextState = choiceNext,
            StartState = startState,
            PathEdits = [.. edits],
            ShiftChangeHours = [.. Enumerable.Range(0, 168).Select(h => calendars.Any(c => c.MayChangeAt(h)))],
            PathGrowth = growth,
            Origin = origin,
            StartSeconds = (start - origin).TotalSeconds,
        };
    }

    private static (int[] StateStart, int[] ChoiceStep, double[] ChoiceCumulative, int[] ChoiceNext, int StartState) CompileRouting(RoutingModel routing, Dictionary<string, int> stepIndex)
    {
        var rules = routing.Rules;
        var stateOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < rules.Count; s++)
        {
            stateOf[Key(rules[s].After, 0, rules[s].After.Count)] = s;
        }

        var stateStart = new int[rules.Count + 1];
        var choiceStep = new List<int>();
        var choiceCumulative = new List<double>();
        var choiceNext = new List<int>();
        for (int s = 0; s < rules.Count; s++)
        {
            stateStart[s] = choiceStep.Count;
            double total = rules[s].Next.Values.Sum();
            double cumulative = 0;
            foreach (var (next, p) in rules[s].Next.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                if (p <= 0)
                {
                    continue;
                }

                cumulative += p / total;
                if (next == RoutingModel.End)
                {
                    choiceStep.Add(-1);
                    choiceNext.Add(-1);
                }
                else
                {
                    choiceStep.Add(stepIndex[next]);
                    var history = rules[s].After.Append(next).ToArray();
                    choiceNext.Add(Longest(history, routing.History, stateOf));
                }

                choiceCumulative.Add(cumulative);
            }

            if (choiceCumulative.Count > stateStart[s])
            {
                choiceCumulative[^1] = 1.0;
            }
        }

        stateStart[rules.Count] = choiceStep.Count;
        return (stateStart, [.. choiceStep], [.. choiceCumulative], [.. choiceNext], stateOf.GetValueOrDefault(string.Empty, -1));
    }

    /// <summary>The state of the longest suffix (at most <paramref name="history"/> steps, at least one) with a rule, or -1.</summary>
    private static int Longest(string[] steps, int history, Dictionary<string, int> stateOf)
    {
        for (int length = Math.Min(history, steps.Length); length >= 1; length--)
        {
            if (stateOf.TryGetValue(Key(steps, steps.Length - length, length), out int state))
            {
                return state;
            }
        }

        return -1;
    }

    private static string Key(IReadOnlyList<string> steps, int from, int count)
    {
        var parts = new string[count];
        for (int i = 0; i < count; i++)
        {
            parts[i] = steps[from + i];
        }

        return string.Join('\u001f', parts);
    }
}
