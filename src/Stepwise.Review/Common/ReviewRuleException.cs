namespace Stepwise.Review.Common;

/// <summary>
/// A domain operation was refused because it breaks a rule of the review (a stage jump that skips agreement, a
/// sign-off by someone who is not a stakeholder, a negative cost, ...). The message is written for the user: it
/// names the field or artefact and what is expected. Nothing was changed.
/// </summary>
public sealed class ReviewRuleException(string message) : InvalidOperationException(message);
