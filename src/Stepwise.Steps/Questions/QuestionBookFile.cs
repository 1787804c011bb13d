using Stepwise.Steps.Files;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Steps.Questions;

/// <summary>
/// Reads a question book: answers to generated questions, questions of the user's own, and the options they became.
/// <code>
/// questions:
///   - id: rework/Take in charge ticket     # answers a generated question (ids are listed by 'stepwise questions')
///     answer: Tickets are taken, parked and taken again when the first agent goes off shift.
///     answered_by: Team leader, first line
///     option: Hand the ticket over explicitly at shift end
///   - step: Wait                            # a question of your own
///     question: Why do we park tickets instead of asking the customer straight away?
///     challenge: eliminate                  # eliminate, combine, resequence, simplify, automate, self-service, ask-why
/// </code>
/// </summary>
public static class QuestionBookFile
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="StepsFileException">The file is not a valid question book.</exception>
    public static QuestionBook Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a question book from <paramref name="text"/>; <paramref name="name"/> is used in messages.</summary>
    public static QuestionBook Parse(string text, string name)
    {
        var file = YamlFile.Parse(text, name);
        var root = file.RootMapping("a question book (a mapping with a list of questions)");
        file.OnlyKeys(root, "a question book", "questions");
        var list = file.Sequence(root, "questions", "a list of questions and answers");
        var entries = new List<QuestionBookEntry>();
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode map)
            {
                throw file.Error(item, "questions", "expected an entry with id and answer, or step and question");
            }

            file.OnlyKeys(map, "a question", "id", "step", "question", "challenge", "answer", "answered_by", "option");
            string? id = file.Text(map, "id");
            string? step = file.Text(map, "step");
            string? question = file.Text(map, "question");
            if (id is null && (step is null || question is null))
            {
                throw file.Error(map, step is null ? "step" : "question", "an entry needs the id of a generated question, or a step and a question of your own");
            }

            var challenge = ChallengeKind.AskWhy;
            if (file.Text(map, "challenge") is { } c)
            {
                challenge = ParseChallenge(c) ?? throw file.Error(YamlFile.Get(map, "challenge"), "challenge", $"expected eliminate, combine, resequence, simplify, automate, self-service or ask-why; found '{c}'");
            }

            entries.Add(new QuestionBookEntry(id, step, question, challenge, file.Text(map, "answer"), file.Text(map, "answered_by"), file.Text(map, "option"), (int)map.Start.Line));
        }

        return new QuestionBook(entries);
    }

    /// <summary>Parses a challenge name (eliminate, combine, resequence, simplify, automate, self-service, ask-why).</summary>
    public static ChallengeKind? ParseChallenge(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<ChallengeKind>(t, ignoreCase: true, out var kind) && !int.TryParse(t, out _) ? kind : null;
    }
}
