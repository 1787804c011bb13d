namespace Stepwise.Mining.Tests;

/// <summary>Compares two logs column by column.</summary>
internal static class LogAssert
{
    public static void Equal(EventLog expected, EventLog actual, bool compareAttributeKinds = true)
    {
        Assert.Equal(expected.CaseIds, actual.CaseIds);
        Assert.Equal(expected.CaseOffsets.ToArray(), actual.CaseOffsets.ToArray());
        Assert.Equal(Names(expected.Activities, expected.ActivityNames), Names(actual.Activities, actual.ActivityNames));
        Assert.Equal(Names(expected.Resources, expected.ResourceNames), Names(actual.Resources, actual.ResourceNames));
        Assert.Equal(expected.Times.ToArray(), actual.Times.ToArray());
        Assert.Equal(expected.StartTimes.ToArray(), actual.StartTimes.ToArray());
        AttributesEqual(expected.CaseAttributes, actual.CaseAttributes, compareAttributeKinds);
        AttributesEqual(expected.EventAttributes, actual.EventAttributes, compareAttributeKinds);
    }

    private static string?[] Names(ReadOnlySpan<int> ids, NameTable names)
    {
        var result = new string?[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            result[i] = ids[i] < 0 ? null : names[ids[i]];
        }

        return result;
    }

    private static void AttributesEqual(Attributes.AttributeTable expected, Attributes.AttributeTable actual, bool kinds)
    {
        Assert.Equal(expected.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), actual.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var column in expected)
        {
            var other = actual[column.Name];
            if (kinds)
            {
                Assert.Equal(column.Kind, other.Kind);
            }

            for (int i = 0; i < column.Count; i++)
            {
                Assert.True(column.Format(i) == other.Format(i), $"{column.Name}[{i}]: expected '{column.Format(i)}', got '{other.Format(i)}'");
            }
        }
    }
}
