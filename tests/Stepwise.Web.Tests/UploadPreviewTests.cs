using System.IO.Compression;
using System.Text;
using Stepwise.Web.Components.Uploads;

namespace Stepwise.Web.Tests;

public sealed class UploadPreviewTests
{
    [Fact]
    public void Parse_QuotedFieldsWithDelimitersAndLineBreaks_KeepsEachFieldWhole()
    {
        var head = FileHead.Parse("Case ID;Activity;\"Note; with semicolon\"\r\n1;\"Open \"\"fast\"\"\";\"two\nlines\"\r\n2;Close;x\r\n");

        Assert.NotNull(head);
        Assert.Equal(';', head.Delimiter);
        Assert.Equal(["Case ID", "Activity", "Note; with semicolon"], head.Columns);
        Assert.Equal(2, head.Rows.Count);
        Assert.Equal(["1", "Open \"fast\"", "two\nlines"], head.Rows[0]);
        Assert.Equal(["2", "Close", "x"], head.Rows[1]);
    }

    [Fact]
    public void Parse_ShortRows_AreFilledWithEmptyValues_AndOnlyTheFirstRowsAreKept()
    {
        var text = new StringBuilder("case,activity,time\n");
        for (int i = 0; i < 50; i++)
        {
            text.Append(i).Append(",A\n");
        }

        var head = FileHead.Parse(text.ToString())!;

        Assert.Equal(FileHead.MaxRows, head.Rows.Count);
        Assert.Equal(["0", "A", ""], head.Rows[0]);
    }

    [Fact]
    public void Read_GzippedCsv_ShowsItsHeader_AndXesIsNotPreviewed()
    {
        string folder = Directory.CreateTempSubdirectory("stepwise-head-").FullName;
        try
        {
            string gz = Path.Combine(folder, "tickets.csv.gz");
            using (var file = File.Create(gz))
            using (var zip = new GZipStream(file, CompressionLevel.Fastest))
            {
                zip.Write(Encoding.UTF8.GetBytes("\uFEFFTicket\tStatus\tChanged\nT1\tNew\t2024-01-02 10:00\n"));
            }

            var head = FileHead.Read(gz)!;
            Assert.Equal('\t', head.Delimiter);
            Assert.Equal(["Ticket", "Status", "Changed"], head.Columns);
            Assert.Equal(["T1", "New", "2024-01-02 10:00"], head.Rows[0]);

            string xes = Path.Combine(folder, "log.xes");
            File.WriteAllText(xes, "<log/>");
            Assert.Null(FileHead.Read(xes));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("case id: Case ID", "case", "Case ID", false)]
    [InlineData("timestamp: Changed (recognised from its values)", "timestamp", "Changed", true)]
    [InlineData("start timestamp: Start: time", "start_timestamp", "Start: time", false)]
    [InlineData("activity: concept:name", "activity", "concept:name", false)]
    public void MappingLine_ReaderLines_GiveTheRoleAndColumn(string line, string role, string column, bool fromValues)
    {
        var m = MappingLine.Parse(line)!;

        Assert.Equal(role, m.Role);
        Assert.Equal(column, m.Column);
        Assert.Equal(fromValues, m.FromValues);
    }

    [Fact]
    public void Detected_FillsOnlyTheRolesTheUserLeftEmpty_AndTheRequestCarriesThem()
    {
        var roles = new ImportRoles();
        roles.Set("activity", "Status");
        roles.CaseAttributes.Add("Channel");

        roles.Detected(["case id: Ticket", "activity: Action", "timestamp: Changed (recognised from its values)"]);
        var request = roles.ToRequest(100);

        Assert.Equal("Ticket", request.Case);
        Assert.Equal("Status", request.Activity);
        Assert.Equal("Changed", request.Timestamp);
        Assert.Null(request.Resource);
        Assert.Equal(["Channel"], request.CaseAttributes);
        Assert.Equal(100, request.MaxExpandedMb);
        Assert.Empty(request.Validate().Errors);
    }

    [Fact]
    public void ReadErrors_FromTheWizard_NameItsFieldsNotCommandLineOptions()
    {
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-wizard-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "alpha,beta,gamma\nx,y,z\nu,v,w\n");
        try
        {
            var wizard = Assert.ThrowsAny<Exception>(() => Workbench.Logs.LogFiles.Read(path, new ImportRoles().ToRequest(100)));
            var commandLine = Assert.ThrowsAny<Exception>(() => Workbench.Logs.LogFiles.Read(path, new Workbench.Logs.LogReadRequest()));

            // The same file, the same problem: the command line is told its options, the page its fields.
            Assert.Contains("--case", commandLine.Message, StringComparison.Ordinal);
            Assert.Contains("the “Case id” field", wizard.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("--", wizard.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
