namespace Stepwise.Monitoring.Conformance;

/// <summary>A step or a path (one step directly followed by another) seen after the change but never before it, or
/// the reverse.</summary>
/// <param name="From">The step, or the first step of the path.</param>
/// <param name="To">The step that follows, for a path; null for a step.</param>
/// <param name="Cases">Cases in the period where it is seen.</param>
/// <param name="Share">Their share of the period's cases.</param>
/// <param name="Examples">Example cases.</param>
public sealed record NewBehaviour(string From, string? To, int Cases, double Share, IReadOnlyList<string> Examples)
{
    /// <summary>The step or path in words.</summary>
    public string Describe() => To is null ? From : $"{From} > {To}";
}
