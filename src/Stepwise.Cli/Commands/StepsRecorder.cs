using System.CommandLine;
using Stepwise.Cli.Infrastructure;

namespace Stepwise.Cli.Commands;

/// <summary>The options that save a step review in a review of a workspace: <c>--workspace</c>, <c>--review</c>, <c>--by</c>.</summary>
internal sealed class StepsRecorder
{
    private readonly Option<string> _workspace = new("--workspace", "-w") { Description = "Save the results in this workspace file (with --review)." };
    private readonly Option<string?> _review = new("--review") { Description = "The review (id or unique prefix) to save the step assessments and questions in; the log must have been imported into it ('stepwise review import'), and its agreed scope selects the cases." };
    private readonly Option<string> _by = new("--by") { Description = "Who makes the assessment, as recorded in the history (default: the login name).", DefaultValueFactory = _ => Environment.UserName };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_workspace);
        command.Options.Add(_review);
        command.Options.Add(_by);
    }

    /// <summary>Opens the review named on the command line, or returns null when none is.</summary>
    public StepsReviewSession? Open(ParseResult parse)
    {
        string? workspace = parse.GetValue(_workspace), review = parse.GetValue(_review);
        if (workspace is null && review is null)
        {
            return null;
        }

        if (workspace is null || review is null)
        {
            throw new UserError("--workspace and --review go together: name the workspace file and the review to save the assessment in.");
        }

        var session = ReviewSession.Open(parse, new ReviewOptions(_workspace, _by, CommonOptions.Format()));
        try
        {
            return new StepsReviewSession(session, session.ResolveReview(review));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
