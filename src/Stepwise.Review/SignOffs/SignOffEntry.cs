using Stepwise.Review.Common;

namespace Stepwise.Review.SignOffs;

/// <summary>
/// Who enters a sign-off and how: the signer themselves (their account is bound to the stakeholder), or someone
/// recording the decision on the signer's behalf, with a reason that is kept with the sign-off and in the history.
/// </summary>
public sealed record SignOffEntry
{
    /// <summary>The name of who enters it, as the history shows it.</summary>
    public required string EnteredBy { get => field; init => field = Guard.Text(value, "Entered by", 200); }

    /// <summary>The account that enters it, if known.</summary>
    public Guid? EnteredByUserId { get; init; }

    /// <summary>Whether it is entered on the stakeholder's behalf.</summary>
    public bool OnBehalf { get; init; }

    /// <summary>Why it is entered on the stakeholder's behalf; required then.</summary>
    public string? Reason { get => field; init => field = Guard.OptionalText(value, "On-behalf reason", 1000); }

    /// <summary>The signer entering their own decision through their account.</summary>
    public static SignOffEntry Own(string name, Guid? userId) => new() { EnteredBy = name, EnteredByUserId = userId };

    /// <summary>Someone recording a decision for the signer.</summary>
    /// <exception cref="ReviewRuleException">No reason is given.</exception>
    public static SignOffEntry Proxy(string name, Guid? userId, string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new ReviewRuleException($"{name} records a decision on someone else's behalf: say why (for example \"approved by e-mail on 3 March\").")
        : new() { EnteredBy = name, EnteredByUserId = userId, OnBehalf = true, Reason = reason };
}
