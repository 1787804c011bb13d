using Stepwise.Review.Common;
using Stepwise.Review.Scoping;
using Stepwise.Web.Components.Scoping;

namespace Stepwise.Web.Tests;

public sealed class ScopeFieldsTests
{
    private static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private static Scope Written() => new()
    {
        Id = Id,
        Filter = new ScopeFilter
        {
            Window = new TimeWindow(new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2013, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeWindowMode.Starting),
            StartActivities = ["Assign seriousness"],
            EndActivities = ["Closed", "Resolve ticket"],
            ExcludesActivities = ["INVALID"],
            Attributes =
            [
                new AttributeCondition("product", ["A", "B"], exclude: false, AttributeRole.CaseType),
                new AttributeCondition("channel", ["phone"], exclude: false, AttributeRole.Channel),
                new AttributeCondition("priority", ["1", "2"]),
                new AttributeCondition("customer", ["test"], exclude: true),
            ],
        },
        InScope = ["Tickets raised by customers"],
        OutOfScope = ["Internal IT requests"],
        Change = new ChangeParameters
        {
            AllowedChanges = [ChangeType.Automate, ChangeType.RemoveStep],
            BudgetCap = 25000m,
            RequiredSteps = [new RequiredStep("Closed", "Customers are told")],
            Constraints = ["No more staff"],
        },
    };

    [Fact]
    public void Form_OfAStoredScope_WritesTheSameScopeBack()
    {
        var scope = Written();

        var again = Fields(scope).ToRequest().ApplyTo(new Scope { Id = Id });

        Assert.Equal(CanonicalJson.Serialize(Normal(scope)), CanonicalJson.Serialize(Normal(again)));
    }

    // Attribute conditions are a set: the order they are written in does not change which cases are in scope.
    private static Scope Normal(Scope scope) => scope with { Filter = scope.Filter with { Attributes = [.. scope.Filter.Attributes.OrderBy(a => a.Attribute, StringComparer.Ordinal)] } };

    [Fact]
    public void Form_WithFieldsEmptied_ClearsThemInTheStoredScope()
    {
        var scope = Written();
        var form = Fields(scope);
        form.From = null;
        form.To = null;
        form.Start.Clear();
        form.Channels.Values.Clear();
        form.Allow.Clear();
        form.Budget = null;
        form.Keep = "";

        var changed = form.ToRequest().ApplyTo(scope);

        Assert.Null(changed.Filter.Window);
        Assert.Empty(changed.Filter.StartActivities);
        Assert.Equal(["Closed", "Resolve ticket"], changed.Filter.EndActivities);
        Assert.DoesNotContain(changed.Filter.Attributes, a => a.Role == AttributeRole.Channel);
        Assert.Contains(changed.Filter.Attributes, a => a.Role == AttributeRole.CaseType && a.Values.SequenceEqual(["A", "B"]));
        Assert.Contains(changed.Filter.Attributes, a => a.Attribute == "customer" && a.Exclude);
        Assert.Empty(changed.Change.AllowedChanges);
        Assert.Null(changed.Change.BudgetCap);
        Assert.Empty(changed.Change.RequiredSteps);
        Assert.Equal(["No more staff"], changed.Change.Constraints);
    }

    [Fact]
    public void Form_WithABadPeriodAndClause_IsRefusedByTheLayerWithTheFieldsNamed()
    {
        var form = Fields(Written());
        form.To = form.From!.Value.AddDays(-1);
        form.Where = "priority";

        var errors = form.ToRequest().Validate().Errors.Select(e => e.Field).ToList();

        Assert.Contains("to", errors);
        Assert.Contains("where", errors);
    }

    private static ScopeFields Fields(Scope scope) => ScopeFields.Of(scope);
}
