using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Steps;

/// <summary>A question challenging a step (why is it done, why here, why by them, why this way) and its answers.</summary>
public sealed record ChallengeQuestion : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.ChallengeQuestion;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Question id"); }

    /// <summary>The step challenged.</summary>
    public required Guid StepId { get => field; init => field = Guard.Id(value, "Challenged step"); }

    /// <summary>The question.</summary>
    public required string Text { get => field; init => field = Guard.Text(value, "Question"); }

    /// <summary>Who raised it.</summary>
    public required string RaisedBy { get => field; init => field = Guard.Text(value, "Raised by", 200); }

    /// <summary>When it was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>The stakeholders the question is put to; empty when it is open to every stakeholder.</summary>
    public IReadOnlyList<Guid> AskedOf { get => field; init => field = [.. Guard.List(value, "Asked of").Distinct()]; } = [];

    /// <summary>The answers given, oldest first.</summary>
    public IReadOnlyList<Answer> Answers { get => field; init => field = Guard.List(value, "Answers"); } = [];

    /// <summary>This question with one more answer.</summary>
    public ChallengeQuestion WithAnswer(Answer answer) => this with { Answers = [.. Answers, answer] };
}
