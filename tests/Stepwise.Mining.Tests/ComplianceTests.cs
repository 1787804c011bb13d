using Stepwise.Mining.Compliance;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Tests;

/// <summary>Compliance rules on hand-built cases whose outcome is known by construction.</summary>
public class ComplianceTests
{
    private static DateTimeOffset Day(int day, int hour = 9) => new(2024, 1, day, hour, 0, 0, TimeSpan.Zero);

    private static EventLog Complaints() => new EventLogBuilder()
        // c1: answered after 20 days (kept); c2: answered after 60 days (breach); c3: no answer, case ended after 10
        // days (open); c4: no answer, case ended after 70 days (overdue breach); c5: never a complaint (not checked).
        .Add("c1", "Complaint received", Day(1), "ann", null, [new("priority", 1L)]).Add("c1", "Final response", Day(21), "bob")
        .Add("c2", "Complaint received", Day(1), "ann", null, [new("priority", 1L)]).Add("c2", "Final response", Day(1).AddDays(60), "bob")
        .Add("c3", "Complaint received", Day(2), "ann", null, [new("priority", 2L)]).Add("c3", "Note", Day(12), "bob")
        .Add("c4", "Complaint received", Day(2), "cat", null, [new("priority", 1L)]).Add("c4", "Note", Day(2).AddDays(70), "cat")
        .Add("c5", "Enquiry", Day(3), "dan")
        .Build();

    [Fact]
    public void TimeLimit_EightWeeks_KeptBreachedOpenAndOverdue()
    {
        var rule = new TimeLimitRule { Id = "disp", Title = "Final response within 8 weeks", From = "Complaint received", To = "Final response", Within = TimeSpan.FromDays(56) };
        var result = ComplianceChecker.Check(Complaints(), rule);
        Assert.Equal(RuleStatus.Evaluated, result.Status);
        Assert.Equal(4, result.CasesChecked);
        Assert.Equal(1, result.Open);
        Assert.Equal(["c2", "c4"], result.Violations.Select(v => v.CaseId).Order(StringComparer.Ordinal));
        var late = result.Violations.Single(v => v.CaseId == "c2");
        Assert.Equal(60 * 86400.0, late.MeasuredSeconds);
        Assert.Equal(2, late.Events.Count);
        Assert.Equal(1.0 - (2 / 3.0), result.ComplianceRate, 9);
        Assert.Equal("Final response", result.Step);
    }

    [Fact]
    public void TimeLimit_WithCondition_OnlyPriorityOne()
    {
        var rule = new TimeLimitRule { Id = "p1", Title = "P1 within 8 weeks", From = "Complaint received", To = "Final response", Within = TimeSpan.FromDays(56), When = [new RuleCondition("priority", ["1"])] };
        var result = ComplianceChecker.Check(Complaints(), rule);
        Assert.Equal(3, result.CasesChecked); // c1, c2, c4
        Assert.Equal(0, result.Open);
    }

    [Fact]
    public void TimeLimit_InWorkingDays_UsesTheNamedCalendar()
    {
        // Acknowledge within 3 working days: Friday 09:00 to Wednesday 09:00 is 2 working days (Mon, Tue) + Fri 8h
        // from 09:00 = 3 x 8 h = 24 working hours exactly (kept); Thursday is 4 days (breach).
        var log = new EventLogBuilder()
            .Add("a", "Received", new DateTimeOffset(2024, 1, 5, 9, 0, 0, TimeSpan.Zero)).Add("a", "Acknowledged", new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero))
            .Add("b", "Received", new DateTimeOffset(2024, 1, 5, 9, 0, 0, TimeSpan.Zero)).Add("b", "Acknowledged", new DateTimeOffset(2024, 1, 11, 9, 0, 0, TimeSpan.Zero))
            .Build();
        var calendars = new Dictionary<string, DurationMeasure> { ["office"] = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-17:00")) };
        var rule = new TimeLimitRule { Id = "ack", Title = "Acknowledge in 3 working days", From = "Received", To = "Acknowledged", Within = TimeSpan.FromHours(24), Calendar = "office" };
        var result = ComplianceChecker.Check(log, rule, calendars);
        Assert.Equal("b", Assert.Single(result.Violations).CaseId);
        Assert.Equal(RuleStatus.NotEvaluable, ComplianceChecker.Check(log, rule).Status);
    }

    [Fact]
    public void Order_RefundNeedsIdentityCheckFirst()
    {
        var log = new EventLogBuilder()
            .Add("ok", "Verify identity", Day(1)).Add("ok", "Issue refund", Day(2))
            .Add("bad", "Issue refund", Day(1)).Add("bad", "Verify identity", Day(2))
            .Add("none", "Verify identity", Day(1))
            .Build();
        var result = ComplianceChecker.Check(log, new OrderRule { Id = "id", Title = "Identity before refund", Before = "Verify identity", After = "Issue refund" });
        Assert.Equal(2, result.CasesChecked);
        Assert.Equal("bad", Assert.Single(result.Violations).CaseId);
    }

    [Fact]
    public void Absence_NoContactAfterOptOut_AndPresence()
    {
        var log = new EventLogBuilder()
            .Add("1", "Contact", Day(1)).Add("1", "Opt out", Day(2))
            .Add("2", "Opt out", Day(1)).Add("2", "Contact", Day(3))
            .Add("3", "Contact", Day(1))
            .Build();
        var absence = ComplianceChecker.Check(log, new AbsenceRule { Id = "optout", Title = "No contact after opt-out", Activity = "Contact", After = "Opt out" });
        Assert.Equal(2, absence.CasesChecked);
        Assert.Equal("2", Assert.Single(absence.Violations).CaseId);
        var presence = ComplianceChecker.Check(log, new PresenceRule { Id = "p", Title = "Opt-out recorded", Activity = "Opt out" });
        Assert.Equal("3", Assert.Single(presence.Violations).CaseId);
    }

    [Fact]
    public void SeparationOfDuties_SamePersonRaisesAndApproves()
    {
        var log = new EventLogBuilder()
            .Add("1", "Raise refund", Day(1), "ann").Add("1", "Approve refund", Day(2), "bob")
            .Add("2", "Raise refund", Day(1), "ann").Add("2", "Approve refund", Day(2), "ann")
            .Build();
        var result = ComplianceChecker.Check(log, new SeparationOfDutiesRule { Id = "sod", Title = "Four eyes", First = "Raise refund", Second = "Approve refund" });
        var violation = Assert.Single(result.Violations);
        Assert.Equal("2", violation.CaseId);
        Assert.Contains("ann", violation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingActivityOrAttribute_SaysTheRuleCannotBeEvaluated()
    {
        var log = Complaints();
        var noActivity = ComplianceChecker.Check(log, new PresenceRule { Id = "x", Title = "x", Activity = "Escalate" });
        Assert.Equal(RuleStatus.NotEvaluable, noActivity.Status);
        Assert.Contains("'Escalate'", noActivity.Reason, StringComparison.Ordinal);
        var noAttribute = ComplianceChecker.Check(log, new PresenceRule { Id = "y", Title = "y", Activity = "Note", When = [new RuleCondition("channel", ["phone"])] });
        Assert.Contains("'channel'", noAttribute.Reason, StringComparison.Ordinal);
    }
}
