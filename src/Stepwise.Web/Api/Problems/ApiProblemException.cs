using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Problems;

/// <summary>
/// A problem that only HTTP has: a request without the <c>If-Match</c> its change needs (428). It is described
/// like the catalogue's <see cref="ProblemKind.InvalidValue"/> (the header named as the field) and answered with its
/// own status, as a failed <c>If-Match</c> is the catalogue's conflict answered with 412.
/// </summary>
internal sealed class ApiProblemException(int status, StepwiseException problem) : Exception(problem.Message, problem)
{
    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; } = status;

    /// <summary>The problem as the catalogue describes it.</summary>
    public StepwiseException Problem { get; } = problem;
}
