using Stepwise.Simulation.Model;
using Stepwise.Simulation.Randomness;

namespace Stepwise.Simulation.Engine;

/// <summary>
/// A step's time from due to done without waiting for staff (see <see cref="ElapsedRule"/>) flattened for the event
/// loop: rules grouped by the next step, each group's rules in order of age, then the step's plain time.
/// </summary>
internal sealed class StepElapsed
{
    /// <summary>The next-step code of rules that apply whatever the next step is.</summary>
    public const int AnyNext = int.MinValue;

    /// <summary>The next-step code of the end of the case.</summary>
    public const int EndOfCase = -1;

    private readonly int[] _next;
    private readonly double[][] _ageFrom;
    private readonly double[][] _ageTo;
    private readonly Sampler[][] _elapsed;
    private readonly double[][] _carry;
    private readonly bool _hasPlain;
    private readonly Sampler _plain;

    private readonly ActivityModel _source;

    public StepElapsed(ActivityModel activity, IReadOnlyDictionary<string, int> stepIndex)
    {
        _source = activity;
        var groups = new List<(int Next, List<ElapsedRule> Rules)>();
        foreach (var rule in activity.ElapsedByCase)
        {
            int next = rule.Next is null ? AnyNext : rule.Next == RoutingModel.End ? EndOfCase : stepIndex[rule.Next];
            int g = groups.FindIndex(x => x.Next == next);
            if (g < 0)
            {
                groups.Add((next, []));
                g = groups.Count - 1;
            }

            groups[g].Rules.Add(rule);
        }

        _next = new int[groups.Count];
        _ageFrom = new double[groups.Count][];
        _ageTo = new double[groups.Count][];
        _elapsed = new Sampler[groups.Count][];
        _carry = new double[groups.Count][];
        for (int g = 0; g < groups.Count; g++)
        {
            var rules = groups[g].Rules.OrderBy(r => r.AgeFrom).ToList();
            _next[g] = groups[g].Next;
            _ageFrom[g] = [.. rules.Select(r => r.AgeFrom)];
            _ageTo[g] = [.. rules.Select(r => r.AgeTo ?? double.PositiveInfinity)];
            _elapsed[g] = [.. rules.Select(r => new Sampler(r.Elapsed))];
            _carry[g] = [.. rules.Select(r => r.Continuation ?? double.NaN)];
        }

        _hasPlain = activity.Elapsed is not null;
        _plain = _hasPlain ? new Sampler(activity.Elapsed!) : default;
        Any = _hasPlain || groups.Count > 0;
    }

    /// <summary>Whether both come from the same rules (the scenario left the step's times alone).</summary>
    public bool SameRules(StepElapsed other) => ReferenceEquals(_source.ElapsedByCase, other._source.ElapsedByCase) && ReferenceEquals(_source.Elapsed, other._source.Elapsed);

    /// <summary>Whether the step has a time of its own (else it takes its work only).</summary>
    public bool Any { get; }

    /// <summary>Draws the time of a case of age <paramref name="age"/> seconds whose next step is <paramref name="next"/>;
    /// <paramref name="carryOn"/> is the share of such executions done by whoever did the step before (NaN: the step's).</summary>
    public double Sample(int next, double age, RandomStream random, out double carryOn)
    {
        int any = -1;
        for (int g = 0; g < _next.Length; g++)
        {
            if (_next[g] == next)
            {
                return FromGroup(g, age, random, out carryOn);
            }

            if (_next[g] == AnyNext)
            {
                any = g;
            }
        }

        if (any >= 0)
        {
            return FromGroup(any, age, random, out carryOn);
        }

        carryOn = double.NaN;
        return _hasPlain ? _plain.Sample(random) : 0;
    }

    private double FromGroup(int g, double age, RandomStream random, out double carryOn)
    {
        var from = _ageFrom[g];
        var to = _ageTo[g];

        // The last rule starting at or before the age; a case younger than every rule takes the first.
        int k = 0;
        while (k + 1 < from.Length && from[k + 1] <= age)
        {
            k++;
        }

        if (age >= to[k] && _hasPlain)
        {
            carryOn = double.NaN;
            return _plain.Sample(random);
        }

        carryOn = _carry[g][k];
        return _elapsed[g][k].Sample(random);
    }
}
