namespace Stepwise.Workbench.Reports;

/// <summary>An assessment criterion of a unit our users work to.</summary>
/// <param name="Unit">The unit (<c>Unit 32</c> or <c>Unit B14</c>).</param>
/// <param name="Number">The criterion's number in the unit (<c>2.3</c>, <c>4.1-4.7</c>).</param>
/// <param name="Shows">What the evidence shows, in a short paraphrase.</param>
public sealed record AssessmentCriterion(string Unit, string Number, string Shows)
{
    /// <summary>Unit 32: Review and re-engineer customer service processes (OCR), evidenced by a process review.</summary>
    public static IReadOnlyList<AssessmentCriterion> Unit32 { get; } =
    [
        new("Unit 32", "1.1", "the boundaries of the customer-service process under review are defined"),
        new("Unit 32", "1.2", "those boundaries are agreed with the appropriate people"),
        new("Unit 32", "1.3", "parameters are set for the types of change that may be made"),
        new("Unit 32", "1.4", "everybody involved has been told the aims of the review"),
        new("Unit 32", "2.1", "all key steps of the process are identified"),
        new("Unit 32", "2.2", "each step is analysed in fine detail"),
        new("Unit 32", "2.3", "each step is assessed for customer satisfaction, cost, and compliance with relevant regulation"),
        new("Unit 32", "2.4", "questions are raised about each step to find scope for improvement"),
        new("Unit 32", "2.5", "the questions are explored with the people in the process and their managers"),
        new("Unit 32", "2.6", "options for re-engineering that deserve further investigation are identified"),
        new("Unit 32", "3.1", "each such option is evaluated"),
        new("Unit 32", "3.2", "recommendations on each evaluated option are made and agreed"),
        new("Unit 32", "3.3", "the implementation of agreed recommendations is planned"),
        new("Unit 32", "3.4", "the re-engineering is implemented"),
        new("Unit 32", "3.5", "the results of the implementation are monitored"),
        new("Unit 32", "4.1-4.7", "knowledge: setting boundaries, who to involve, why communication matters, ways to analyse a process, why each step matters, techniques for challenging steps, why monitoring matters"),
    ];

    /// <summary>Unit B14: Review the quality of customer service (OCR), evidenced by a quality review.</summary>
    public static IReadOnlyList<AssessmentCriterion> UnitB14 { get; } =
    [
        new("Unit B14", "1.1", "the features of service delivery that affect customer satisfaction are identified"),
        new("Unit B14", "1.2", "monitoring of those features is planned"),
        new("Unit B14", "1.3", "the analysis of the collected information is planned"),
        new("Unit B14", "2.1", "the monitoring plans are carried out"),
        new("Unit B14", "2.2", "the monitoring information is analysed"),
        new("Unit B14", "2.3", "the conclusions are compared with the criteria set"),
        new("Unit B14", "2.4", "the plans are adapted when the agreed methods are not working"),
        new("Unit B14", "2.5", "the results are communicated to colleagues (at least three of: front-line staff, team leaders, senior managers, other departments, service partners)"),
        new("Unit B14", "2.6", "actions to improve service are agreed from the results"),
        new("Unit B14", "3.1-3.8", "knowledge: why quality is measured, what affects satisfaction, choosing criteria, representative samples, collection methods, analysis methods, finding recommendations, procedures for making them"),
    ];
}
