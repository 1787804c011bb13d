using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Problems;

/// <summary>
/// An RFC 9457 problem document as the HTTP API sends it (<c>application/problem+json</c>): the standard members, plus
/// <c>errors</c> (bad fields, each with what was expected), <c>location</c> (file, line, column of a bad file) and
/// <c>conflict</c> (the version read, the current one, who changed which fields when). Built from
/// <see cref="ProblemCatalog.Describe"/> only, so every host says the same thing.
/// </summary>
/// <param name="Type">The problem type URI, e.g. <c>https://stepwise.dev/problems/invalid-value</c>.</param>
/// <param name="Title">The fixed title of the type.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What went wrong in this case, for the user.</param>
/// <param name="Instance">The request path.</param>
/// <param name="Errors">For invalid values: each bad field (snake_case, as sent) with what was expected.</param>
/// <param name="Location">For bad files: the file, line and column.</param>
/// <param name="Conflict">For conflicts: the version read, the current one, who changed which fields when.</param>
public sealed record ApiProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance,
    IReadOnlyDictionary<string, string[]>? Errors,
    FileLocation? Location,
    ConflictDetail? Conflict)
{
    /// <summary>The media type of problem documents.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>The document for a problem described by the catalogue, answered with <paramref name="status"/>.</summary>
    public static ApiProblem Of(Problem problem, int status, string? instance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        IReadOnlyDictionary<string, string[]>? errors = problem.Errors.Count == 0
            ? null
            : problem.Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return new ApiProblem(problem.Type, problem.Title, status, problem.Detail, instance, errors, problem.Location, problem.Conflict);
    }
}
