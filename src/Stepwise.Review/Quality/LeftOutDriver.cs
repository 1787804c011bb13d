namespace Stepwise.Review.Quality;

/// <summary>
/// A service feature left out of the key-driver model, so that readers still see its score and know why it has no
/// importance: a rarely answered feature (wifi, say) would otherwise shrink the responses every other feature is
/// judged on.
/// </summary>
/// <param name="Item">The item (service feature as asked in the survey).</param>
/// <param name="Answered">Responses that scored it and what the drivers explain.</param>
/// <param name="MeanScore">Its mean score on its scale (null when nobody scored it).</param>
/// <param name="Performance">Its mean as a percentage of its scale (null when nobody scored it).</param>
/// <param name="Reason">Why it was left out, e.g. "answered by 609 of 3,696 responses with an outcome".</param>
public sealed record LeftOutDriver(string Item, int Answered, double? MeanScore, double? Performance, string Reason);
