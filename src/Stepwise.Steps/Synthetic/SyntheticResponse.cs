namespace Stepwise.Steps.Synthetic;

/// <summary>One generated survey response, with the truth it was generated from.</summary>
/// <param name="ResponseId">The response id.</param>
/// <param name="CaseId">The case id written in the file (null when the response is written with only a customer id).</param>
/// <param name="CustomerId">The customer id written in the file, or null.</param>
/// <param name="Date">When the response was given (UTC).</param>
/// <param name="Overall">The overall score, 0-10.</param>
/// <param name="Speed">An item score, 1-5, following the overall score.</param>
/// <param name="Helpfulness">An item score, 1-5, following the overall score.</param>
/// <param name="Comment">A short comment whose tone follows the score.</param>
/// <param name="TrueCase">The log case index the response is about (the truth, not written to the file).</param>
/// <param name="PlantedShift">The sum of the planted effects that apply to the case (not written to the file).</param>
public sealed record SyntheticResponse(
    string ResponseId,
    string? CaseId,
    string? CustomerId,
    DateTime Date,
    int Overall,
    int Speed,
    int Helpfulness,
    string Comment,
    int TrueCase,
    double PlantedShift);
