namespace Stepwise.Steps.Evidence;

/// <summary>Which test recognised a step's waiting time as set by a timer.</summary>
public enum TimerTest
{
    /// <summary>The wait is nearly the same every time: its coefficient of variation is small.</summary>
    NearlyConstant,

    /// <summary>A large share of the waits fall within a narrow band around one value, which no work done by people
    /// produces (people's waits spread over hours and days).</summary>
    DominantValue,
}
