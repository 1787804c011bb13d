using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Review.Artefacts;
using Stepwise.Workbench.Steps;
using DomainQuestion = Stepwise.Review.Steps.ChallengeQuestion;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise review step | question | ask | answer | questions</c>: steps the data does not show, questions of one's
/// own, putting questions to stakeholders, and answers by the people asked (or recorded on their behalf).
/// </summary>
internal static class ReviewQuestionCommands
{
    public static Command Step(ReviewOptions o)
    {
        var name = new Option<string>("--name") { Description = "The step's name (an existing step is changed).", Required = true };
        var lane = new Option<string?>("--lane") { Description = "The team or role that does it." };
        var owner = new Option<string?>("--owner") { Description = "The person who answers for it." };
        var value = new Option<string?>("--value") { Description = "Its value class: va, bva, nva or unclassified." };
        return ReviewVerb.Create(o, "step", "Add a step the data does not show, or set a step's lane, owner or value class.", (session, reviewId, parse, _, _) =>
        {
            var saved = session.Bench.Steps.Save(session.Actor, reviewId, new StepRequest { Name = parse.GetValue(name)!, Lane = parse.GetValue(lane), Owner = parse.GetValue(owner), Value = parse.GetValue(value) });
            return new Report().Add(new ResultRecord("step")
                .Add("id", saved.Value.Id.ToString("D"))
                .Add("name", saved.Value.Name)
                .Add("lane", saved.Value.Lane)
                .Add("owner", saved.Value.Owner)
                .Add("value", saved.Value.Value.ToString())
                .Add("origin", saved.Value.Origin.ToString())
                .Add("version", saved.Version, CellKind.Integer));
        }, name, lane, owner, value);
    }

    public static Command Question(ReviewOptions o)
    {
        var step = new Option<string>("--step") { Description = "The step it challenges.", Required = true };
        var text = new Option<string>("--text") { Description = "The question.", Required = true };
        var ask = ReviewVerb.Many("--ask", "A stakeholder the question is put to (repeat; default: open to every stakeholder).");
        return ReviewVerb.Create(o, "question", "Raise a question of your own on a step, put to stakeholders (who may then answer it as themselves).", (session, reviewId, parse, _, _) =>
            new Report().Add(Record(session.Bench.Steps.Ask(session.Actor, reviewId, new NewQuestion { Step = parse.GetValue(step)!, Text = parse.GetValue(text)!, AskedOf = parse.GetValue(ask) ?? [] }))),
            step, text, ask);
    }

    public static Command Ask(ReviewOptions o)
    {
        var question = new Argument<string>("question") { Description = "The question's id (or a unique prefix, as 'review questions' lists them)." };
        var to = ReviewVerb.Many("--to", "A stakeholder to put it to (repeat).");
        return ReviewVerb.Create(o, "ask", "Put a question (e.g. one the evidence raised) to stakeholders, who may then answer it as themselves.", (session, reviewId, parse, _, _) =>
            new Report().Add(Record(session.Bench.Steps.PutTo(session.Actor, reviewId, new PutQuestionRequest { Question = parse.GetValue(question)!, AskedOf = parse.GetValue(to) ?? [] }))),
            question, to);
    }

    public static Command Answer(ReviewOptions o)
    {
        var question = new Argument<string>("question") { Description = "The question's id (or a unique prefix)." };
        var text = new Option<string>("--text") { Description = "The answer.", Required = true };
        var stakeholder = new Option<string?>("--stakeholder") { Description = "Whose answer (default: the stakeholder bound to your account). Naming someone else records it on their behalf (owners and analysts), marked so." };
        var version = new Option<long?>("--version") { Description = "The question's version you read; a newer one is refused with what changed." };
        return ReviewVerb.Create(o, "answer", "Answer a question put to you, as the stakeholder bound to your account; owners and analysts may record someone's answer on their behalf.", (session, reviewId, parse, _, _) =>
        {
            var saved = session.Bench.Steps.Answer(session.Actor, reviewId, new AnswerRequest { Question = parse.GetValue(question)!, Text = parse.GetValue(text)!, Stakeholder = parse.GetValue(stakeholder), Version = parse.GetValue(version) });
            var answer = saved.Value.Answers[^1];
            var who = session.Bench.Reviews.Stakeholders(session.Actor, reviewId).First(s => s.Value.Id == answer.StakeholderId).Value.Name;
            return new Report().Add(new ResultRecord("answer")
                .Add("question", saved.Value.Id.ToString("D"))
                .Add("by", who)
                .Add("answer", answer.Text)
                .Add("entered_by", answer.EnteredBy)
                .Add("on_behalf", answer.OnBehalf, CellKind.Boolean)
                .Add("version", saved.Version, CellKind.Integer));
        }, question, text, stakeholder, version);
    }

    public static Command Questions(ReviewOptions o)
    {
        var open = new Option<bool>("--open") { Description = "Only questions without an answer." };
        var answered = new Option<bool>("--answered") { Description = "Only questions with an answer." };
        return ReviewVerb.Create(o, "questions", "List a review's questions with whom they are put to and their answers.", (session, reviewId, parse, _, _) =>
        {
            var contents = session.Bench.Reviews.Show(session.Actor, reviewId);
            var table = new ResultTable("questions", [new("id"), new("step"), new("question"), new("asked_of"), new("answers")], "Questions");
            foreach (var q in contents.Questions.Where(q => (!parse.GetValue(open) || q.Answers.Count == 0) && (!parse.GetValue(answered) || q.Answers.Count > 0)))
            {
                table.Add(q.Question.Value.Id.ToString("D")[..8], q.Step, q.Question.Value.Text, q.AskedOf.Count == 0 ? "anyone" : string.Join(", ", q.AskedOf),
                    string.Join(" | ", q.Answers.Select(a => $"{a.Stakeholder}: {a.Text}" + (a.OnBehalf ? $" (entered by {a.EnteredBy})" : string.Empty))));
            }

            return new Report().Add(table);
        }, open, answered);
    }

    private static ResultRecord Record(Versioned<DomainQuestion> q) => new ResultRecord("question")
        .Add("id", q.Value.Id.ToString("D"))
        .Add("question", q.Value.Text)
        .Add("asked_of", q.Value.AskedOf.Count)
        .Add("version", q.Version, CellKind.Integer);
}
