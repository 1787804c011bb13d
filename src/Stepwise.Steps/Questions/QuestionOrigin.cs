namespace Stepwise.Steps.Questions;

/// <summary>Who raised a question.</summary>
public enum QuestionOrigin
{
    /// <summary>Generated from the evidence.</summary>
    Generated,

    /// <summary>Added by a user.</summary>
    User,
}
