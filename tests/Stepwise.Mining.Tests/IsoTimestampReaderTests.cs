using System.Globalization;
using System.Text;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Tests;

/// <summary>
/// Dates read at fixed places (<c>yyyy-MM-ddTHH:mm:ss</c> or with a space, a fraction, <c>Z</c>, an offset or
/// nothing), the day kept from the date before, must give exactly what the general ISO-8601 reading gives, for valid
/// and invalid texts alike, one after another (XES dates and CSV fields, with the spaces a CSV field may have around
/// it); and the common forms the instants .NET reads from them.
/// </summary>
public sealed class IsoTimestampReaderTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly string[] Days = ["2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "2024-01-01"];

    [Theory]
    [InlineData("2024-01-01T00:15:36+00:00")]
    [InlineData("2012-10-09T14:50:17.000+02:00")]
    [InlineData("2012-10-09T14:50:17.123-05:30")]
    [InlineData("2012-10-09T14:50:17Z")]
    [InlineData("2012-10-09T14:50:17.5Z")]
    [InlineData("2024-02-29T23:59:59.9999999+14:00")]
    [InlineData("0001-01-01T01:30:00+01:00")]
    [InlineData("9999-12-31T23:59:59.9999999-00:00")]
    [InlineData("2010-03-28T01:30:00+00:00")]
    [InlineData("2024-01-01 10:11:12Z")]
    [InlineData("2024-07-01 10:11:12.25+01:00")]
    public void CommonForms_AgreeWithDotNet(string text)
    {
        Assert.True(new IsoTimestampReader().TryParseIso(Encoding.ASCII.GetBytes(text), London, out long ticks));
        var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None).UtcTicks;
        Assert.Equal(expected, ticks);
    }

    [Theory]
    [InlineData("2024-02-30T10:00:00+00:00")]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("2024-13-01T10:00:00+00:00")]
    [InlineData("2024-01-01T24:00:00+00:00")]
    [InlineData("2024-01-01T09:00:60+00:00")]
    [InlineData("0000-01-01T09:00:00+00:00")]
    [InlineData("0001-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2024-01-01T09:00:00+24:00")]
    [InlineData("2024-01-01T09:00:00+00:60")]
    [InlineData("2024-01-01T09:00:00.Z")]
    [InlineData("2024-01-01T09:00:00.+00:00")]
    [InlineData("2024-01-01T09:00:00+00:0")]
    [InlineData("2024-01-01T09:00:00+00:00 ")]
    [InlineData("2024-01-01T09:00:00Z0")]
    [InlineData("2024-01-01T09:00:00+0a:00")]
    public void Invalid_Refused(string text)
    {
        var dates = new IsoTimestampReader();
        Assert.False(dates.TryParseIso(Encoding.ASCII.GetBytes(text), null, out _));

        // Nor right after a date of the same day (kept when that day is valid).
        _ = dates.TryParseIso(Encoding.ASCII.GetBytes(string.Concat(text.AsSpan(0, 10), "T00:00:00Z")), null, out _);
        Assert.False(dates.TryParseIso(Encoding.ASCII.GetBytes(text), null, out _));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void RandomTexts_SameAsGeneralReading(int seed, bool naiveLondon)
    {
        var zone = naiveLondon ? London : null;
        var random = new Random(seed);
        var dates = new IsoTimestampReader();
        int valid = 0;
        for (int n = 0; n < 300_000; n++)
        {
            var text = Encoding.ASCII.GetBytes(RandomText(random));
            bool expectedRead = TimestampParser.TryParseIso(text, zone, out long expected);
            bool read = dates.TryParseIso(text, zone, out long ticks);
            string shown = Encoding.ASCII.GetString(text);
            Assert.True(expectedRead == read, $"{shown}: read {read}, expected {expectedRead}");
            if (read)
            {
                Assert.True(expected == ticks, $"{shown}: {ticks}, expected {expected}");
                valid++;
            }
        }

        // Most texts are valid dates, so both outcomes are well covered.
        Assert.InRange(valid, 100_000, 290_000);
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(4, "Europe/London")]
    [InlineData(5, "America/New_York")]
    public void RandomCsvFields_SameAsGeneralReading(int seed, string? zoneId)
    {
        var format = new TimestampFormat { Layout = TimestampLayout.Iso8601, NaiveTimeZone = zoneId is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zoneId) };
        var random = new Random(seed);
        var dates = new IsoTimestampReader();
        int valid = 0, naive = 0;
        for (int n = 0; n < 300_000; n++)
        {
            string text = RandomText(random);
            if (random.Next(30) == 0)
            {
                text = random.Next(2) == 0 ? " " + text : text + " ";
            }

            var bytes = Encoding.ASCII.GetBytes(text);
            bool expectedRead = TimestampParser.TryParse(bytes, format, out long expected);
            bool read = dates.TryParse(bytes, format, out long ticks);
            Assert.True(expectedRead == read, $"'{text}': read {read}, expected {expectedRead}");
            if (read)
            {
                Assert.True(expected == ticks, $"'{text}': {ticks}, expected {expected}");
                valid++;
                string trimmed = text.Trim();
                bool zoned = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || trimmed.Contains('+') || trimmed.LastIndexOf('-') > 7;
                naive += zoned ? 0 : 1;
            }
        }

        Assert.InRange(valid, 100_000, 290_000);
        Assert.True(naive > 10_000, $"only {naive} valid texts without a zone");
    }

    [Fact]
    public void NaiveTime_InTheGivenZone_AsDotNetConvertsIt()
    {
        var dates = new IsoTimestampReader();
        var format = new TimestampFormat { Layout = TimestampLayout.Iso8601, NaiveTimeZone = London };
        Assert.True(dates.TryParse("2024-07-01 10:00:00"u8, format, out long summer));
        Assert.Equal(new DateTime(2024, 7, 1, 9, 0, 0, DateTimeKind.Utc).Ticks, summer);
        Assert.True(dates.TryParse("2024-01-01T10:00:00.5"u8, format, out long winter));
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc).Ticks + (TimeSpan.TicksPerSecond / 2), winter);

        // 01:30 on the day clocks go forward does not exist in London.
        Assert.False(dates.TryParse("2024-03-31 01:30:00"u8, format, out _));
    }

    /// <summary>A date in the XES form with, now and then, one character changed, dropped or added, a field out of
    /// range, another fraction or zone.</summary>
    private static string RandomText(Random random)
    {
        var text = new StringBuilder();

        // Half the texts on one of a few days, so that a day is often read again right after it was read.
        text.Append(random.Next(2) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 32):D2}")
            : Days[random.Next(Days.Length)]);
        text.Append(random.Next(4) == 0 ? ' ' : 'T');
        text.Append(CultureInfo.InvariantCulture, $"{random.Next(0, 25):D2}:{random.Next(0, 61):D2}:{random.Next(0, 61):D2}");
        switch (random.Next(4))
        {
            case 0:
                break;
            case 1:
                text.Append('.').Append(random.NextInt64(0, 1_000_000_000_000L).ToString("D12", CultureInfo.InvariantCulture)[..random.Next(0, 13)]);
                break;
            case 2:
                text.Append(random.Next(2) == 0 ? '.' : ',').Append(CultureInfo.InvariantCulture, $"{random.Next(0, 1000):D3}");
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $".{random.Next(0, 10_000_000):D7}");
                break;
        }

        switch (random.Next(6))
        {
            case 0:
                text.Append(random.Next(10) == 0 ? 'z' : 'Z');
                break;
            case 1:
                break;
            case 2:
                text.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 26):D2}{random.Next(0, 62):D2}");
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 26):D2}:{random.Next(0, 62):D2}");
                break;
        }

        if (random.Next(8) == 0)
        {
            int at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text[at] = "0123456789-:T.Z+ xa"[random.Next(19)];
                    break;
                case 1:
                    text.Remove(at, 1);
                    break;
                default:
                    text.Insert(at, "0123456789-:T.Z+ xa"[random.Next(19)]);
                    break;
            }
        }

        return text.ToString();
    }
}
