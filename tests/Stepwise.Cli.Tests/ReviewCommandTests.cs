using System.Text.Json;

namespace Stepwise.Cli.Tests;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-review-").FullName;

    private string Workspace => Path.Combine(_folder, "team.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int ExitCode, string Output, string Error) Run(params string[] args)
        => CliRunner.Run(["review", .. args, "--workspace", Workspace, "--by", "lead"]);

    private JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private string CreateReview()
    {
        Assert.Equal(0, Run("init").ExitCode);
        return Json("create", "--title", "Help desk tickets", "--owner", "Improvement lead", "--aim", "Resolve faster", "--aim", "Fewer reopenings").GetProperty("id").GetString()!;
    }

    [Fact]
    public void Create_ThenListAndShow_ReviewAtStageScopeWithItsAims()
    {
        string id = CreateReview();
        var list = Json("list");
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Scope", list[0].GetProperty("stage").GetString());
        var show = Json("show", id[..8]);
        Assert.Equal("Resolve faster; Fewer reopenings", show.GetProperty("review").GetProperty("aims").GetString());
        Assert.False(show.GetProperty("review").GetProperty("scope_agreed").GetBoolean());
    }

    [Fact]
    public void Stage_BeforeScopeIsAgreed_RefusedWithReasonThenAllowedAfterSignOff()
    {
        string id = CreateReview();
        Json("stakeholder", id, "--name", "Sam Sponsor", "--group", "SeniorManagers", "--role", "Accountable");
        Json("scope", id, "--end", "Closed", "--allow", "Automate", "--budget", "25000");
        Assert.Equal("Analyse", Json("stage", id, "analyse").GetProperty("stage").GetString());
        Assert.Equal("Challenge", Json("stage", id, "challenge").GetProperty("stage").GetString());

        var (code, _, error) = Run("stage", id, "evaluate");
        Assert.Equal(6, code);
        Assert.Contains("scope is agreed", error);

        var signOff = Json("signoff", id, "--stakeholder", "Sam Sponsor", "--on-behalf-reason", "agreed at the steering meeting");
        Assert.True(signOff.GetProperty("agreed").GetBoolean());
        Assert.Equal("Evaluate", Json("stage", id, "evaluate").GetProperty("stage").GetString());
    }

    [Fact]
    public void Stage_BackWithoutReason_Exit2NamingReasonAndTheStageUnchanged()
    {
        string id = CreateReview();
        Json("scope", id, "--end", "Closed");
        Json("stage", id, "analyse");

        var (code, _, error) = Run("stage", id, "scope");

        Assert.Equal(2, code);
        Assert.Contains("--reason: is required to move the review back from stage Analyse to Scope", error, StringComparison.Ordinal);
        Assert.Equal("Analyse", Json("show", id).GetProperty("review").GetProperty("stage").GetString());
    }

    [Fact]
    public void Verify_HistoryRewrittenInTheFile_ExitOneNamingTheEntry()
    {
        string id = CreateReview();
        Json("stakeholder", id, "--name", "Sam Sponsor", "--group", "SeniorManagers", "--role", "Accountable");
        Json("scope", id, "--end", "Closed");
        Json("stage", id, "analyse");
        Json("stage", id, "scope", "--reason", "The end activity was wrong");
        var intact = Json("verify", id);
        Assert.Equal("yes", intact.GetProperty("intact").GetString());
        Assert.Equal(6, intact.GetProperty("entries_checked").GetInt64()); // review, owner membership, stakeholder, scope, two moves
        Assert.Contains(Json("history", id).EnumerateArray(), h => h.GetProperty("summary").GetString()!.EndsWith("from stage Analyse to Scope: The end activity was wrong", StringComparison.Ordinal));

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Workspace};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER history_no_update; UPDATE history SET changed_by = 'sam' WHERE seq = 3";
            command.ExecuteNonQuery();
        }

        var (code, output, error) = Run("verify", id, "--format", "json");
        Assert.Equal(1, code);
        var broken = JsonDocument.Parse(output).RootElement;
        Assert.Equal("no", broken.GetProperty("intact").GetString());
        Assert.Equal(3, broken.GetProperty("first_break_seq").GetInt64());
        Assert.Equal("sam", broken.GetProperty("first_break_by").GetString());
        Assert.Contains("entry 3", error);
        Assert.Contains("does not match its hash", error);
    }

    [Fact]
    public void Scope_ChangedAfterSignOff_ShowMarksTheSignOffStale()
    {
        string id = CreateReview();
        Json("stakeholder", id, "--name", "Sam Sponsor", "--group", "seniormanagers", "--role", "accountable");
        Json("scope", id, "--in", "Phone and e-mail tickets");
        Json("signoff", id, "--stakeholder", "sam sponsor", "--on-behalf-reason", "agreed at the steering meeting");
        Json("scope", id, "--out", "Walk-in customers");
        var show = Json("show", id);
        var signOff = Assert.Single(show.GetProperty("sign_offs").EnumerateArray());
        Assert.True(signOff.GetProperty("stale").GetBoolean());
        Assert.Equal("the scope changed after this decision", signOff.GetProperty("stale_because").GetString());
        Assert.False(show.GetProperty("review").GetProperty("scope_agreed").GetBoolean());
    }

    [Fact]
    public void Signoff_BySomeoneNotAStakeholder_NotFoundNamingThem()
    {
        string id = CreateReview();
        Json("scope", id, "--in", "Everything");
        var (code, _, error) = Run("signoff", id, "--stakeholder", "Nobody");
        Assert.Equal(4, code);
        Assert.Contains("'Nobody' is not a stakeholder", error);
    }

    [Fact]
    public void Signoff_RejectWithReason_RecordedInHistory()
    {
        string id = CreateReview();
        Json("stakeholder", id, "--name", "Sam Sponsor", "--group", "SeniorManagers", "--role", "Accountable");
        Json("scope", id, "--in", "Everything");
        var signOff = Json("signoff", id, "--stakeholder", "Sam Sponsor", "--reject", "Too broad", "--on-behalf-reason", "rejected by e-mail");
        Assert.Equal("Rejected", signOff.GetProperty("decision").GetString());
        Assert.True(signOff.GetProperty("on_behalf").GetBoolean());
        var history = Json("history", id);
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "SignedOff" && h.GetProperty("summary").GetString()!.Contains("Too broad"));
        // The review, its owner's membership, the stakeholder, the scope, then the sign-off.
        Assert.Equal(["Created", "Created", "Created", "Created", "SignedOff"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    [Fact]
    public void List_WithoutWorkspace_ErrorNamingThePathAndHowToCreateIt()
    {
        var (code, _, error) = Run("list");
        Assert.Equal(2, code);
        Assert.Contains(Workspace, error);
        Assert.Contains("review init", error);
    }

    [Fact]
    public void Create_EmptyTitle_RefusedWithFieldName()
    {
        Assert.Equal(0, Run("init").ExitCode);
        var (code, _, error) = Run("create", "--title", " ", "--owner", "x");
        Assert.Equal(2, code);
        Assert.Contains("--title: is required", error);
    }

    [Fact]
    public void Signoff_StakeholderBoundToTheirAccount_SignsAsThemselvesNotOnBehalf()
    {
        string id = CreateReview();
        Assert.Equal(0, CliRunner.Run("user", "add", "sam", "--display-name", "Sam Sponsor", "--workspace", Workspace, "--by", "lead").ExitCode);
        Json("member", "add", id, "sam", "--role", "approver");
        Json("stakeholder", id, "--name", "Sam Sponsor", "--group", "senior-managers", "--role", "accountable", "--account", "sam");
        Json("scope", id, "--in", "Everything");

        var own = JsonAs("sam", "signoff", id);
        Assert.False(own.GetProperty("on_behalf").GetBoolean());
        Assert.Equal("Sam Sponsor", own.GetProperty("entered_by").GetString());
        Assert.True(own.GetProperty("agreed").GetBoolean());
    }

    [Fact]
    public void Signoff_InSomeoneElsesName_RefusedUnlessAnOwnerGivesAReason()
    {
        string id = CreateReview();
        Assert.Equal(0, CliRunner.Run("user", "add", "tia", "--workspace", Workspace, "--by", "lead").ExitCode);
        Json("member", "add", id, "tia", "--role", "approver");
        Json("stakeholder", id, "--name", "Sam Sponsor", "--group", "senior-managers", "--role", "accountable");
        Json("scope", id, "--in", "Everything");

        var (code, _, error) = CliRunner.Run("review", "signoff", id, "--stakeholder", "Sam Sponsor", "--workspace", Workspace, "--by", "tia");
        Assert.Equal(7, code);
        Assert.Contains("only an owner may record their decision on their behalf", error);

        var (ownerCode, _, ownerError) = Run("signoff", id, "--stakeholder", "Sam Sponsor");
        Assert.Equal(2, ownerCode);
        Assert.Contains("--on-behalf-reason: is required", ownerError);
    }

    [Fact]
    public void Signoff_OfAVersionNoLongerCurrent_RefusedShowingWhatChanged()
    {
        string id = CreateReview();
        Json("stakeholder", id, "--name", "Sam Sponsor", "--group", "senior-managers", "--role", "accountable");
        Json("scope", id, "--in", "Phone tickets");
        Json("scope", id, "--in", "E-mail tickets");
        var (code, _, error) = Run("signoff", id, "--stakeholder", "Sam Sponsor", "--version", "1", "--on-behalf-reason", "read the first draft");
        Assert.Equal(5, code);
        Assert.Contains("What changed: in_scope", error);
        Assert.Contains("E-mail tickets", error);
    }

    [Fact]
    public void Member_ViewerCannotChangeAnything_ForbiddenWithTheRoleNamed()
    {
        string id = CreateReview();
        Assert.Equal(0, CliRunner.Run("user", "add", "vic", "--workspace", Workspace, "--by", "lead").ExitCode);
        Json("member", "add", id, "vic", "--role", "viewer");
        var (code, _, error) = CliRunner.Run("review", "stakeholder", id, "--name", "X", "--group", "customers", "--role", "informed", "--workspace", Workspace, "--by", "vic");
        Assert.Equal(7, code);
        Assert.Contains("viewer", error);
        Assert.Equal(0, CliRunner.Run("review", "show", id, "--workspace", Workspace, "--by", "vic").ExitCode);
    }

    [Fact]
    public void User_UnknownAccountOnAWorkspaceWithAccounts_NotFoundSayingHowToAddIt()
    {
        CreateReview();
        var (code, _, error) = CliRunner.Run("review", "list", "--workspace", Workspace, "--by", "mallory");
        Assert.Equal(4, code);
        Assert.Contains("stepwise user add", error);
    }

    private System.Text.Json.JsonElement JsonAs(string user, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["review", .. args, "--workspace", Workspace, "--by", user, "--format", "json"]);
        Assert.True(code == 0, error);
        return System.Text.Json.JsonDocument.Parse(output).RootElement;
    }
}

public sealed class ReviewImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-import-").FullName;

    private string Workspace => Path.Combine(_folder, "team.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Import_RealHelpdeskLog_StoredWithHashAndPublishedCountsAndShownInTheReview()
    {
        string path = Stepwise.Testing.SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        Assert.Equal(0, CliRunner.Run("review", "init", "-w", Workspace).ExitCode);
        var created = CliRunner.Run("review", "create", "-w", Workspace, "--title", "Help desk", "--owner", "lead", "-f", "json");
        string id = JsonDocument.Parse(created.Output).RootElement.GetProperty("id").GetString()!;

        var (code, output, error) = CliRunner.Run("review", "import", id, path, "-w", Workspace, "-f", "json");

        Assert.True(code == 0, error);
        var source = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Stepwise.Testing.SharedData.Sha256(path), source.GetProperty("sha256").GetString());
        Assert.Equal(4580, source.GetProperty("cases").GetInt64()); // published with the dataset
        Assert.Equal(21348, source.GetProperty("events").GetInt64());
        var show = JsonDocument.Parse(CliRunner.Run("review", "show", id, "-w", Workspace, "-f", "json").Output).RootElement;
        Assert.Equal("helpdesk.xes.gz", Assert.Single(show.GetProperty("data_sources").EnumerateArray()).GetProperty("file").GetString());
    }

    [Fact]
    public void Import_TakesEveryReaderOptionTheLogVerbsTake()
    {
        static HashSet<string> Options(params string[] verb)
        {
            var (_, help, _) = CliRunner.Run([.. verb, "--help"]);
            return [.. System.Text.RegularExpressions.Regex.Matches(help, @"(?<=\s|,)--[a-z][a-z0-9-]+").Select(m => m.Value)];
        }

        var summary = Options("summary");
        var import = Options("review", "import");
        // What a log verb has that an import has no use for: which cases to keep, how to measure time, and which
        // review's stored data to analyse (an import stores the whole file into the review it names).
        string[] notReading = ["--from", "--to", "--window", "--where", "--where-not", "--starts-with", "--ends-with", "--contains", "--not-contains", "--top-variants",
            "--min-duration", "--max-duration", "--filter-file", "--working-hours", "--calendar-timezone", "--holidays", "--calendar", "--review", "--data"];

        Assert.Contains("--sheet", import);
        Assert.Contains("--lifecycle-mode", import);
        Assert.Empty(summary.Except(import).Except(notReading));
    }

    [Fact]
    public void Import_WorkbookSheetAndLifecycleMode_ReadAsAskedAndKeptWithTheDataSource()
    {
        string workbook = Path.Combine(Stepwise.Testing.SharedData.RepositoryRoot, "tests", "Stepwise.Mining.Tests", "Fixtures", "helpdesk-500.xlsx");
        Assert.Equal(0, CliRunner.Run("review", "init", "-w", Workspace).ExitCode);
        string id = JsonDocument.Parse(CliRunner.Run("review", "create", "-w", Workspace, "--title", "Help desk", "--owner", "lead", "-f", "json").Output).RootElement.GetProperty("id").GetString()!;
        var byFile = JsonDocument.Parse(CliRunner.Run("summary", workbook, "--sheet", "Events", "--lifecycle-mode", "events", "--format", "json").Output).RootElement;

        var (code, output, error) = CliRunner.Run("review", "import", id, workbook, "--sheet", "Events", "--lifecycle-mode", "events", "-w", Workspace, "-f", "json");
        var (wrongCode, _, wrongError) = CliRunner.Run("review", "import", id, workbook, "--sheet", "Data", "-w", Workspace);

        Assert.True(code == 0, error);
        var source = JsonDocument.Parse(output).RootElement;
        Assert.Equal("xlsx", source.GetProperty("format").GetString());
        Assert.Equal(byFile.GetProperty("events").GetInt64(), source.GetProperty("events").GetInt64());
        Assert.Equal(byFile.GetProperty("cases").GetInt64(), source.GetProperty("cases").GetInt64());
        var stored = Assert.Single(JsonDocument.Parse(CliRunner.Run("review", "data", id, "-w", Workspace, "-f", "json").Output).RootElement.EnumerateArray());
        string options = stored.GetProperty("read_options").GetString()!;
        Assert.Contains("\"sheet\":\"Events\"", options, StringComparison.Ordinal);
        Assert.Contains("\"lifecycle_mode\":\"events\"", options, StringComparison.Ordinal);
        Assert.Equal(3, wrongCode);
        Assert.Contains("its sheets are: 'Events', 'Notes'", wrongError, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFile_ExitCode1NamingTheFile()
    {
        Assert.Equal(0, CliRunner.Run("review", "init", "-w", Workspace).ExitCode);
        var created = CliRunner.Run("review", "create", "-w", Workspace, "--title", "T", "--owner", "lead", "-f", "json");
        string id = JsonDocument.Parse(created.Output).RootElement.GetProperty("id").GetString()!;
        string missing = Path.Combine(_folder, "nope.csv");
        var (code, _, error) = CliRunner.Run("review", "import", id, missing, "-w", Workspace);
        Assert.Equal(3, code);
        Assert.Contains(missing, error);
        var show = JsonDocument.Parse(CliRunner.Run("review", "show", id, "-w", Workspace, "-f", "json").Output).RootElement;
        Assert.Empty(show.GetProperty("data_sources").EnumerateArray());
    }
}
