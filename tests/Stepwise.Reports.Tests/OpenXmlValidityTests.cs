using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Stepwise.Reports.Pptx;
using Stepwise.Reports.Xlsx;

namespace Stepwise.Reports.Tests;

/// <summary>The workbook and the deck are valid Office Open XML by the SDK's own schema validator.</summary>
public sealed class OpenXmlValidityTests
{
    [Fact]
    public void Xlsx_IsSchemaValid()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(XlsxReport.Render(SampleReport.Build())), false);
        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void Pptx_IsSchemaValid()
    {
        using var package = PresentationDocument.Open(new MemoryStream(PptxReport.Render(SampleReport.Build())), false);
        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }
}
