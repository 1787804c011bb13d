using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary>
/// Builds a <c>stepwise review</c> subcommand that acts on one review: the review argument, the verb's own arguments and
/// options, and an action that opens the workspace, resolves the review, calls the layer and renders its report.
/// </summary>
internal static class ReviewVerb
{
    public delegate Report Run(ReviewSession session, Guid reviewId, ParseResult parse, CliContext context, CancellationToken cancellation);

    public static Command Create(ReviewOptions o, string name, string description, Run run, params Symbol[] symbols)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it, or its title)." };
        var command = new Command(name, description) { id };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        command.SetRun((parse, context, cancellation) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            return CommonOptions.Print(context, run(session, reviewId, parse, context, cancellation), parse.GetValue(o.Format));
        });
        return command;
    }

    /// <summary>A repeatable text option.</summary>
    public static Option<string[]> Many(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The values of a repeatable option, or null when it was not given (so the layer keeps what is stored).</summary>
    public static IReadOnlyList<string>? Given(ParseResult parse, Option<string[]> option)
        => parse.GetResult(option) is null ? null : parse.GetValue(option) ?? [];
}
