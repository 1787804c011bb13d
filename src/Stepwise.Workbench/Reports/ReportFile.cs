namespace Stepwise.Workbench.Reports;

/// <summary>A report as a file to save or send.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="FileName">A file name made from the review and the audience (no folders).</param>
/// <param name="MediaType">The media type (<c>application/pdf</c>...).</param>
/// <param name="Audience">Who it is for.</param>
/// <param name="Format">Its format.</param>
/// <param name="PersonalDataIncluded">Whether personal data was left in (then recorded in the review's history).</param>
public sealed record ReportFile(byte[] Content, string FileName, string MediaType, ReportAudience Audience, ReportFormat Format, bool PersonalDataIncluded);
