namespace Stepwise.Charts;

/// <summary>One measure compared before and after a change (or as-is and to-be), each with its interval.</summary>
public sealed record BeforeAfterItem(string Label, ValueInterval Before, ValueInterval After);
