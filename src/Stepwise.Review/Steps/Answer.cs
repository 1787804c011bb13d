using Stepwise.Review.Common;

namespace Stepwise.Review.Steps;

/// <summary>
/// An answer to a challenge question: what was said, by which stakeholder, when, and who entered it. An answer
/// entered by the stakeholder's own account is theirs; one entered by someone else is marked as recorded on their
/// behalf, by whom.
/// </summary>
public sealed record Answer
{
    /// <summary>Creates an answer.</summary>
    /// <exception cref="ReviewRuleException">The text or stakeholder is missing, or an answer on someone's behalf does not say who entered it.</exception>
    public Answer(string text, Guid stakeholderId, DateTimeOffset at, string? enteredBy = null, bool onBehalf = false)
    {
        Text = Guard.Text(text, "Answer");
        StakeholderId = Guard.Id(stakeholderId, "Answering stakeholder");
        At = at;
        EnteredBy = Guard.OptionalText(enteredBy, "Answer entered by", 200);
        if (onBehalf && EnteredBy is null)
        {
            throw new ReviewRuleException("An answer recorded on someone's behalf must say who entered it.");
        }

        OnBehalf = onBehalf;
    }

    /// <summary>The answer.</summary>
    public string Text { get; }

    /// <summary>Who gave it.</summary>
    public Guid StakeholderId { get; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Who entered it (the stakeholder's account, or the person who recorded it for them).</summary>
    public string? EnteredBy { get; }

    /// <summary>Whether it was recorded on the stakeholder's behalf by someone else.</summary>
    public bool OnBehalf { get; }
}
