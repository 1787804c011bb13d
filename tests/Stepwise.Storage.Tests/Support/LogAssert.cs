using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Review.Common;

namespace Stepwise.Storage.Testing;

/// <summary>Asserts that two logs are identical, column by column (values, dictionaries, nulls, metadata).</summary>
internal static class LogAssert
{
    public static void Identical(EventLog expected, EventLog actual)
    {
        Assert.Equal(expected.CaseIds, actual.CaseIds);
        Assert.True(expected.CaseOffsets.SequenceEqual(actual.CaseOffsets), "case offsets differ");
        Assert.True(expected.Activities.SequenceEqual(actual.Activities), "activities differ");
        Assert.True(expected.Resources.SequenceEqual(actual.Resources), "resources differ");
        Assert.True(expected.Times.SequenceEqual(actual.Times), "times differ");
        Assert.Equal(expected.HasStartTimes, actual.HasStartTimes);
        Assert.True(expected.StartTimes.SequenceEqual(actual.StartTimes), "start times differ");
        Assert.Equal(expected.ActivityNames, actual.ActivityNames);
        Assert.Equal(expected.ResourceNames, actual.ResourceNames);
        Table(expected.CaseAttributes, actual.CaseAttributes);
        Table(expected.EventAttributes, actual.EventAttributes);
        Assert.Equal(CanonicalJson.Serialize(expected.Metadata), CanonicalJson.Serialize(actual.Metadata));
    }

    private static void Table(AttributeTable expected, AttributeTable actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Select(c => (c.Name, c.Kind)), actual.Select(c => (c.Name, c.Kind)));
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            if (e is StringColumn es && a is StringColumn @as)
            {
                Assert.True(es.Codes.SequenceEqual(@as.Codes), $"codes of '{e.Name}' differ");
                Assert.Equal(es.Values, @as.Values);
            }

            for (int row = 0; row < expected.RowCount; row++)
            {
                Assert.Equal(e.IsNull(row), a.IsNull(row));
                Assert.Equal(e.GetValue(row), a.GetValue(row));
            }
        }
    }
}
