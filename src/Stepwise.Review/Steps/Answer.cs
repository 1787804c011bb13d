using Stepwise.Review.Common;

namespace Stepwise.Review.Steps;

/// <summary>An answer to a challenge question: what was said, by which stakeholder, when.</summary>
public sealed record Answer
{
    /// <summary>Creates an answer.</summary>
    public Answer(string text, Guid stakeholderId, DateTimeOffset at)
    {
        Text = Guard.Text(text, "Answer");
        StakeholderId = Guard.Id(stakeholderId, "Answering stakeholder");
        At = at;
    }

    /// <summary>The answer.</summary>
    public string Text { get; }

    /// <summary>Who gave it.</summary>
    public Guid StakeholderId { get; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; }
}
