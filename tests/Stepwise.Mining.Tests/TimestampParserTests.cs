using System.Globalization;
using System.Text;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Tests;

/// <summary>
/// ISO-8601 timestamps in the form most exports write (<c>yyyy-MM-ddTHH:mm:ss</c>, with Z or without a zone), read
/// against .NET's own exact parsing and time-zone conversion as the reference, on random texts that include
/// impossible dates and times, leap days, other separators and non-digits.
/// </summary>
public sealed class TimestampParserTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, "Europe/London")]
    public void TryParseIso_RandomFullTimestamps_AgreesWithDotNet(int seed, string? zoneId)
    {
        var zone = zoneId is null ? null : London;
        var random = new Random(seed);
        int valid = 0;
        for (int n = 0; n < 200_000; n++)
        {
            string text = RandomText(random);
            bool read = TimestampParser.TryParseIso(Encoding.ASCII.GetBytes(text), zone, out long ticks);
            bool expectedRead = Reference(text, zone, out long expected);
            Assert.True(expectedRead == read, $"{text}: read {read}, expected {expectedRead}");
            if (read)
            {
                valid++;
                Assert.True(expected == ticks, $"{text}: {new DateTime(ticks):O} against {new DateTime(expected):O}");
            }
        }

        Assert.True(valid > 50_000, $"only {valid} valid texts generated");
    }

    [Theory]
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59")]
    [InlineData("2024-02-29 00:00:00", "2024-02-29T00:00:00")]
    [InlineData("9999-12-31T23:59:59Z", "9999-12-31T23:59:59")]
    [InlineData("0001-01-01T00:00:00", "0001-01-01T00:00:00")]
    public void TryParseIso_HandWorked(string text, string utc)
    {
        Assert.True(TimestampParser.TryParseIso(Encoding.ASCII.GetBytes(text), null, out long ticks));
        Assert.Equal(DateTime.ParseExact(utc, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture).Ticks, ticks);
    }

    [Theory]
    [InlineData("2023-02-29T10:00:00Z")] // not a leap year
    [InlineData("2024-13-01T10:00:00Z")]
    [InlineData("2024-04-31T10:00:00")]
    [InlineData("2024-01-01T24:00:00")]
    [InlineData("2024-01-01T10:60:00")]
    [InlineData("2024-01-01T10:00:60")]
    [InlineData("0000-01-01T10:00:00")]
    [InlineData("2024-01-0aT10:00:00")]
    [InlineData("2024-01-01T10:00:00Q")]
    public void TryParseIso_Impossible_Refused(string text)
    {
        Assert.False(TimestampParser.TryParseIso(Encoding.ASCII.GetBytes(text), null, out _));
    }

    [Fact]
    public void TryParseIso_TimeSkippedByTheClockChange_RefusedInThatZone()
    {
        // 01:30 on 31 March 2024 did not happen in London (clocks went from 01:00 to 02:00).
        Assert.False(TimestampParser.TryParseIso("2024-03-31T01:30:00"u8, London, out _));
        Assert.True(TimestampParser.TryParseIso("2024-03-31T02:30:00"u8, London, out long ticks));
        Assert.Equal(new DateTime(2024, 3, 31, 1, 30, 0).Ticks, ticks); // BST is UTC+1
    }

    private static string RandomText(Random random)
    {
        int year = random.Next(10) == 0 ? random.Next(0, 10000) : random.Next(1990, 2031);
        int month = random.Next(20) == 0 ? random.Next(0, 14) : random.Next(1, 13);
        int day = random.Next(10) == 0 ? random.Next(0, 33) : random.Next(1, 29) + (random.Next(4) == 0 ? 1 : 0);
        int hour = random.Next(20) == 0 ? random.Next(0, 26) : random.Next(0, 24);
        int minute = random.Next(30) == 0 ? 60 : random.Next(0, 60);
        int second = random.Next(30) == 0 ? 60 : random.Next(0, 60);
        string separator = random.Next(5) == 0 ? " " : "T";
        string end = random.Next(3) switch { 0 => "Z", 1 => string.Empty, _ => random.Next(3) == 0 ? "z" : "Z" };
        var text = new StringBuilder($"{year:0000}-{month:00}-{day:00}{separator}{hour:00}:{minute:00}:{second:00}{end}");
        if (random.Next(40) == 0)
        {
            text[random.Next(text.Length)] = "x9 "[random.Next(3)]; // never a character that makes another valid form (an offset, a shorter time)
        }

        return text.ToString();
    }

    private static bool Reference(string text, TimeZoneInfo? zone, out long ticks)
    {
        ticks = 0;
        bool zulu = text.EndsWith('Z') || text.EndsWith('z');
        string body = zulu ? text[..^1] : text;
        string[] forms = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
        if (body.Length != 19 || !DateTime.TryParseExact(body, forms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        if (zulu || zone is null)
        {
            ticks = local.Ticks;
            return true;
        }

        if (zone.IsInvalidTime(local))
        {
            return false;
        }

        ticks = TimeZoneInfo.ConvertTimeToUtc(local, zone).Ticks;
        return true;
    }
}
