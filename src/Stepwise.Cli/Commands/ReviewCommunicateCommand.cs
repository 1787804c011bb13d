using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review communicate</c>: an entry of the communication log.</summary>
internal static class ReviewCommunicateCommand
{
    public static Command Create(ReviewOptions o)
    {
        var to = ReviewVerb.Many("--to", "A stakeholder told (repeat), or all.");
        var message = new Option<string>("--message") { Description = "What they were told.", Required = true };
        var channel = new Option<string>("--channel") { Description = "How: meeting, e-mail, briefing, intranet, ...", Required = true };
        var at = new Option<string?>("--at") { Description = "When (ISO-8601; default now)." };
        var about = new Option<string?>("--about") { Description = "The artefact shared: scope, evaluation, plan, monitoring, recommendation:TITLE, option:TITLE or data:FILE." };
        return ReviewVerb.Create(o, "communicate", "Record who was told what, when, how, and about which artefact, in the review's communication log.", (session, reviewId, parse, _, _) =>
        {
            var saved = session.Bench.Reviews.Communicate(session.Actor, reviewId, new CommunicationRequest { To = parse.GetValue(to) ?? [], Message = parse.GetValue(message)!, Channel = parse.GetValue(channel)!, At = parse.GetValue(at), About = parse.GetValue(about) });
            var names = session.Bench.Reviews.Stakeholders(session.Actor, reviewId).ToDictionary(s => s.Value.Id, s => s.Value.Name);
            return new Report().Add(new ResultRecord("communication")
                .Add("id", saved.Value.Id.ToString("D"))
                .Add("to", string.Join(", ", saved.Value.Audience.Select(a => names.GetValueOrDefault(a, "?"))))
                .Add("channel", saved.Value.Channel)
                .Add("at", saved.Value.At, CellKind.Timestamp)
                .Add("about", saved.Value.Artefact?.Kind.ToString())
                .Add("message", saved.Value.Message));
        }, to, message, channel, at, about);
    }
}
