using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Reports;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise report REVIEW --audience X --format html|pdf|xlsx|pptx -o FILE</c>: a review's report for one audience,
/// made by the use-case layer, written to a file. Personal data is redacted and ids pseudonymised unless
/// <c>--include-personal-data</c> is given (owners only), which the review's history records.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "report";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Write a review's report for one audience (senior managers, team leaders, front-line staff, partners, analysts, the evidence map) as HTML, PDF, XLSX or PPTX.";

    public static Command Create()
    {
        var review = new Argument<string>("review") { Description = "The review id (or a unique prefix of it, or its title)." };
        var audience = new Option<string>("--audience", "-a")
        {
            Description = "Who the report is for: senior-managers, team-leaders, front-line-staff, partners (other departments and service partners), analysts, or evidence-map.",
            Required = true,
        };
        var format = new Option<string?>("--format", "-f") { Description = "html, pdf, xlsx or pptx (default: xlsx for analysts, pdf for everyone else)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write.", Required = true };
        var personal = new Option<bool>("--include-personal-data") { Description = "Leave personal data in (names, e-mail addresses, phone numbers, response and customer ids). Owners only; recorded in the review's history." };
        var team = new Option<string?>("--team") { Description = "For team-leaders: the team (a step's lane or owner, or a stakeholder's name; in a quality review a measure's or action's owner, or a segment of the survey such as Class=Business)." };
        var partner = new Option<string?>("--partner") { Description = "For partners: the department or partner (a stakeholder, or a value of the hand-over attribute)." };
        var handoverBy = new Option<string?>("--handover-by") { Description = "For partners: the event attribute whose values hand work over (default: org:group, workgroup, assignment_group, support_section, org:role or org:resource, the first the log has)." };
        var workspace = ReviewOptions.WorkspaceOption();
        var by = ReviewOptions.ByOption();
        var command = new Command(Name, Description)
        {
            review, audience, format, output, personal, team, partner, handoverBy, workspace, by,
        };
        var session = new ReviewOptions(workspace, by, CommonOptions.Format());
        command.SetRun((parse, context, _) =>
        {
            using var s = ReviewSession.Open(parse, session);
            Guid reviewId = s.ResolveReview(parse.GetValue(review)!);
            string path = parse.GetValue(output)!;
            if (string.IsNullOrWhiteSpace(path) || Directory.Exists(path))
            {
                throw new UserError($"--output needs a file name, not '{path}'.");
            }

            var file = s.Bench.Reports.Build(s.Actor, reviewId, new ReportRequest
            {
                Audience = parse.GetValue(audience)!,
                Format = parse.GetValue(format),
                IncludePersonalData = parse.GetValue(personal),
                Team = parse.GetValue(team),
                Partner = parse.GetValue(partner),
                HandoverBy = parse.GetValue(handoverBy),
            });
            Write(path, file.Content);
            return CommonOptions.Print(context, new Report().Add(new ResultRecord("report")
                .Add("file", path)
                .Add("audience", ReportUseCases.Name(file.Audience))
                .Add("format", file.Format.ToString().ToLowerInvariant())
                .Add("bytes", file.Content.LongLength, CellKind.Integer)
                .Add("personal_data", file.PersonalDataIncluded ? "included (recorded in the review's history)" : "redacted")), OutputFormat.Table);
        });
        return command;
    }

    /// <summary>Writes under a temporary name and moves it into place, so a failed write never leaves half a report.</summary>
    private static void Write(string path, byte[] content)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new UserError($"--output: the folder '{dir}' does not exist.");
        }

        string temp = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllBytes(temp, content);
        File.Move(temp, full, overwrite: true);
    }
}
