namespace Stepwise.Statistics.Feedback;

/// <summary>
/// A numeric attribute of the responses that is not a rating (a delay in minutes, a handling time, an age);
/// NaN is missing.
/// </summary>
/// <param name="Name">The attribute, as named in the source file.</param>
/// <param name="Values">One value per response.</param>
public sealed record MeasureColumn(string Name, IReadOnlyList<double> Values);
