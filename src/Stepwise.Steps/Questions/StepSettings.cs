using Stepwise.Steps.Value;

namespace Stepwise.Steps.Questions;

/// <summary>What a settings file holds: the question thresholds and the value classes the user set.</summary>
/// <param name="Questions">The thresholds.</param>
/// <param name="ValueClasses">Value classes set by the user, by step name (they override the suggestions).</param>
public sealed record StepSettings(QuestionSettings Questions, IReadOnlyDictionary<string, ValueClass> ValueClasses)
{
    /// <summary>The defaults: default thresholds, no value classes set.</summary>
    public static StepSettings Default { get; } = new(new QuestionSettings(), new Dictionary<string, ValueClass>(StringComparer.Ordinal));
}
