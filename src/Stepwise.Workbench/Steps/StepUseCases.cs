using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.People;
using Stepwise.Review.Steps;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Steps;

/// <summary>
/// The steps of a review, their assessments, and the questions that challenge them: assessing the steps on the
/// review's data and saving the results, raising questions and putting them to stakeholders, and answers by the people
/// asked (as themselves, or recorded on their behalf and marked so).
/// </summary>
public sealed class StepUseCases
{
    private readonly Workbench _bench;

    internal StepUseCases(Workbench bench) => _bench = bench;

    /// <summary>
    /// Assesses every step of the review's stored data inside its agreed scope and saves the steps, assessments,
    /// questions, answers and options (owners and analysts). Extra filters are refused: what is saved in a review is
    /// made on its agreed scope.
    /// </summary>
    public AssessmentOutcome Assess(Actor actor, Guid reviewId, AnalysisRequest data, StepReviewRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        if (!(data.Filters ?? Logs.LogFilterRequest.None).IsEmpty)
        {
            throw StepwiseException.Invalid("filters", "are not used when assessments are saved in a review: they are made on its agreed scope (change it with 'stepwise review scope').");
        }

        var log = _bench.Analyses.Open(actor, reviewId, data, cancellationToken);
        var run = StepReviews.Assess(log.Selection, request, progress, cancellationToken);
        var saved = new StepArtefacts(_bench.Workspace, reviewId, actor).Save(run.Scorecard, log.Source, request);
        return new AssessmentOutcome(log.With(run.Scorecard), saved, run.Warnings);
    }

    /// <summary>The steps of a review, in process order.</summary>
    public IReadOnlyList<Versioned<Step>> List(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return [.. _bench.Workspace.List<Step>(reviewId).OrderBy(s => s.Value.Position)];
    }

    /// <summary>The step assessments of a review.</summary>
    public IReadOnlyList<Versioned<StepAssessment>> Assessments(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.List<StepAssessment>(reviewId);
    }

    /// <summary>The currency of the review's saved step costs, as the rates named it (null when none is saved or named).</summary>
    public string? CostCurrency(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return CostCurrency(reviewId);
    }

    internal string? CostCurrency(Guid reviewId)
        => _bench.Workspace.List<StepAssessment>(reviewId).Where(a => a.Value.Aspect == AssessmentAspect.Cost).Select(a => Analyses.StepPaints.Currency(a.Value)).FirstOrDefault(c => c is not null);

    /// <summary>The challenge questions of a review with their answers.</summary>
    public IReadOnlyList<Versioned<ChallengeQuestion>> Questions(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.List<ChallengeQuestion>(reviewId);
    }

    /// <summary>Adds a step the data does not show, or changes a step's lane, owner or value class (owners and analysts).</summary>
    /// <remarks><c>expectedVersion</c>: The step's version the caller read (0: a new step); null to change whatever is current.</remarks>
    public Versioned<Step> Save(Actor actor, Guid reviewId, StepRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        var value = request.Parse();
        var all = _bench.Workspace.List<Step>(reviewId);
        var existing = all.FirstOrDefault(s => string.Equals(s.Value.Name, request.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        var step = existing?.Value ?? new Step { Id = _bench.Workspace.NewId(), Name = request.Name.Trim(), Origin = StepOrigin.Manual, Position = all.Count };
        step = step with
        {
            Lane = request.Lane?.Trim() ?? step.Lane,
            Owner = request.Owner?.Trim() ?? step.Owner,
            Value = value ?? step.Value,
        };
        return _bench.Workspace.Save(reviewId, step, expectedVersion ?? existing?.Version ?? 0, actor.DisplayName);
    }

    /// <summary>Raises a question of one's own on a step, put to stakeholders or open to all (owners and analysts).</summary>
    public Versioned<ChallengeQuestion> Ask(Actor actor, Guid reviewId, NewQuestion request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        request.Validate().ThrowIfAny();
        var step = FindStep(reviewId, request.Step);
        var question = new ChallengeQuestion
        {
            Id = _bench.Workspace.NewId(),
            StepId = step.Value.Id,
            Text = request.Text.Trim(),
            RaisedBy = actor.DisplayName,
            RaisedAt = _bench.Now,
            AskedOf = [.. request.AskedOf.Select(a => _bench.Reviews.Stakeholder(reviewId, a, "asked_of").Value.Id)],
        };
        return _bench.Workspace.Save(reviewId, question, 0, actor.DisplayName);
    }

    /// <summary>Puts a question to stakeholders, who may then answer it as themselves (owners and analysts).</summary>
    /// <remarks><c>expectedVersion</c>: The question's version the caller read; null to change whatever is current.</remarks>
    public Versioned<ChallengeQuestion> PutTo(Actor actor, Guid reviewId, PutQuestionRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        request.Validate().ThrowIfAny();
        var question = FindQuestion(reviewId, request.Question);
        var asked = request.AskedOf.Select(a => _bench.Reviews.Stakeholder(reviewId, a, "asked_of").Value.Id).ToList();
        return _bench.Workspace.Save(reviewId, question.Value with { AskedOf = asked }, expectedVersion ?? question.Version, actor.DisplayName);
    }

    /// <summary>
    /// Records an answer. A stakeholder bound to the caller's account answers as themselves (contributors and
    /// approvers too), but only questions put to them or open to all; an owner or analyst may record anyone's answer
    /// on their behalf, and the answer is marked with who entered it.
    /// </summary>
    public Versioned<ChallengeQuestion> Answer(Actor actor, Guid reviewId, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = _bench.Guard.Require(actor, reviewId, Permission.Read);
        request.Validate().ThrowIfAny();
        var question = FindQuestion(reviewId, request.Question);
        var mine = _bench.Workspace.List<Stakeholder>(reviewId).Where(s => s.Value.UserId == actor.UserId).ToList();
        Versioned<Stakeholder> who;
        if (request.Stakeholder is null)
        {
            who = mine.Count switch
            {
                1 => mine[0],
                0 => throw StepwiseException.Invalid("stakeholder", $"is required: {actor.DisplayName} is not bound to a stakeholder of this review, so say whose answer this is."),
                _ => throw StepwiseException.Invalid("stakeholder", $"is required: {actor.DisplayName} is bound to {mine.Count} stakeholders ({string.Join(", ", mine.Select(s => s.Value.Name))})."),
            };
        }
        else
        {
            who = _bench.Reviews.Stakeholder(reviewId, request.Stakeholder, "stakeholder");
        }

        bool own = who.Value.UserId == actor.UserId;
        if (own)
        {
            _bench.Guard.Require(actor, reviewId, Permission.Answer);
            if (question.Value.AskedOf.Count > 0 && !question.Value.AskedOf.Contains(who.Value.Id))
            {
                var asked = question.Value.AskedOf.Select(id => _bench.Workspace.Find<Stakeholder>(reviewId, id)?.Value.Name ?? "?");
                throw StepwiseException.Forbidden($"This question is put to {string.Join(", ", asked)}, not to {who.Value.Name}; an owner or analyst can put it to them too.");
            }
        }
        else if (!AccessRules.Allows(role, Permission.Edit))
        {
            throw StepwiseException.Forbidden($"Only {who.Value.Name} can answer as themselves; an owner or analyst may record their answer on their behalf.");
        }

        var answer = new Answer(request.Text.Trim(), who.Value.Id, _bench.Now, actor.DisplayName, onBehalf: !own);
        return _bench.Workspace.Save(reviewId, question.Value.WithAnswer(answer), request.Version ?? question.Version, actor.DisplayName);
    }

    internal Versioned<Step> FindStep(Guid reviewId, string nameOrId)
    {
        var all = _bench.Workspace.List<Step>(reviewId);
        string text = nameOrId.Trim();
        return (Guid.TryParse(text, out var id) ? all.FirstOrDefault(s => s.Value.Id == id) : null)
            ?? all.FirstOrDefault(s => string.Equals(s.Value.Name, text, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(s => string.Equals(s.Value.Activity, text, StringComparison.OrdinalIgnoreCase))
            ?? throw StepwiseException.NotFound($"This review has no step '{text}'" + (all.Count == 0 ? "; assess the steps first ('stepwise steps ... --review') or add one ('stepwise review step')." : $"; its steps are {string.Join(", ", all.Select(s => s.Value.Name))}."), $"step {text}");
    }

    internal Versioned<ChallengeQuestion> FindQuestion(Guid reviewId, string idOrPrefix)
    {
        var all = _bench.Workspace.List<ChallengeQuestion>(reviewId);
        string text = idOrPrefix.Trim();
        var matches = all.Where(q => q.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw StepwiseException.NotFound($"This review has no question with an id starting '{text}'; 'stepwise review questions' lists them.", $"question {text}"),
            _ => throw StepwiseException.Invalid("question", $"'{text}' matches {matches.Count} questions; give more of the id."),
        };
    }
}
