namespace Stepwise.Review.Quality;

/// <summary>One key driver of satisfaction, placed on the importance-performance grid.</summary>
/// <param name="Item">The item (service feature as asked in the survey).</param>
/// <param name="Importance">Its share of the explained variance (Johnson's relative weight over R², the shares sum to 1).</param>
/// <param name="Correlation">Its correlation with what the drivers explain.</param>
/// <param name="MeanScore">Its mean score on its scale.</param>
/// <param name="Performance">Its mean as a percentage of its scale (0 at the lowest point, 100 at the highest).</param>
/// <param name="Quadrant">Its quadrant: concentrate here, keep up the good work, low priority, possible overkill.</param>
public sealed record DriverResult(string Item, double Importance, double Correlation, double MeanScore, double Performance, string Quadrant);
