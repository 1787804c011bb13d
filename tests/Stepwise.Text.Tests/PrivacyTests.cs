using Stepwise.Statistics.Feedback;
using Stepwise.Testing;
using Stepwise.Text.Privacy;

namespace Stepwise.Text.Tests;

public class PrivacyTests
{
    private static readonly Redactor Plain = new();

    [Theory]
    [InlineData("Write to jane.doe+ba@example.co.uk today", "Write to [email] today")]
    [InlineData("Call me on +44 20 7946 0958 please", "Call me on [phone] please")]
    [InlineData("Call me on 07700 900123.", "Call me on [phone].")]
    [InlineData("Card 4111 1111 1111 1111 was charged", "Card [card] was charged")]
    [InlineData("Sort code 12-34-56, account 31926819", "Sort code [account], account [account]")]
    [InlineData("IBAN GB82 WEST 1234 5698 7654 32 used", "IBAN [account] used")]
    [InlineData("I live at SW1A 1AA and work in M1 1AE", "I live at [postcode] and work in [postcode]")]
    [InlineData("Slow refund; write to doe at gmail dot com please", "Slow refund; write to [email] please")]
    [InlineData("Mail jane.doe (at) example (dot) co (dot) uk now", "Mail [email] now")]
    [InlineData("Reply to jdoe77 [at] hotmail [dot] com", "Reply to [email]")]
    [InlineData("It was sent to peter at hotmail and lost", "It was sent to [email] and lost")]
    public void Redact_PersonalData_ReplacedByKind(string text, string expected)
        => Assert.Equal(expected, Plain.Redact(text).Text);

    [Theory]
    [InlineData("It cost £1,200 in 2023 for 3 of us at 10:30.")]
    [InlineData("Flight BA 2490 left at 14.35, gate 23, row 12.")]
    [InlineData("Rated 4.5 out of 5; 98% on time.")]
    [InlineData("We arrived at noon and sat at gate 4; staff at Heathrow dot the i's.")]
    [InlineData("I looked at the outlook for the week.")]
    public void Redact_PricesYearsAndTimes_Unchanged(string text)
        => Assert.Equal(text, Plain.Redact(text).Text);

    [Fact]
    public void Redact_KnownAndOwnNames_Replaced()
    {
        var redactor = new Redactor(["Austin Jones", "M A Collie"]);
        var r = redactor.Redact("Austin Jones and I flew; Mr Collie said hi to Austin.", "M A Collie");
        Assert.Equal("[name] and I flew; Mr [name] said hi to Austin.", r.Text);
        Assert.Equal(2, r.Counts[RedactionKind.Name]);
    }

    [Fact]
    public void Redact_KnownNameThatIsAlsoAPhrase_OnlyWhenCapitalised()
    {
        // "A Long" is a reviewer's name in the BA data, and "a long" a common phrase.
        var redactor = new Redactor(["A Long"]);
        Assert.Equal("It was a long wait.", redactor.Redact("It was a long wait.").Text);
        Assert.Equal("Ask [name] at the desk.", redactor.Redact("Ask A Long at the desk.").Text);
    }

    [Fact]
    public void Redact_BaReviews_NoAuthorFullNameLeft()
    {
        var table = FeedbackReader.Read(SharedData.PathOf("surveys/BA_AirlineReviews.csv")).Table;
        var redactor = new Redactor(table.RespondentNames!);
        int withOwnName = 0;
        for (int i = 0; i < table.Count; i++)
        {
            string comment = table.Comments![i] ?? string.Empty;
            string? name = table.RespondentNames![i];
            // Full names of at least five characters (initials alone, like "R H", are not names in text). Reviewers
            // rarely sign their reviews, so each review is signed here with its author's real name from the file.
            if (name is null || !name.Contains(' ', StringComparison.Ordinal) || name.Length < 5)
            {
                continue;
            }

            withOwnName++;
            string signed = comment + " Regards, " + name.Trim() + ".";
            var whole = new System.Text.RegularExpressions.Regex(@"\b" + System.Text.RegularExpressions.Regex.Escape(name.Trim()) + @"\b");
            Assert.DoesNotMatch(whole, redactor.Redact(signed, name).Text);
        }

        Assert.True(withOwnName > 2000);
    }

    [Fact]
    public void Hash_Rfc4231TestCase1_MatchesPublishedHmac()
    {
        // RFC 4231, test case 1: key = 20 bytes of 0x0b, data = "Hi There".
        var p = new Pseudonymiser(Enumerable.Repeat((byte)0x0b, 20).ToArray());
        Assert.Equal("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", p.Hash("Hi There"));
        Assert.Equal("p_b0344c61d8db3853", p.Pseudonym("Hi There"));
    }

    [Fact]
    public void Pseudonymiser_ShortKey_Refused()
        => Assert.Throws<ArgumentException>(() => new Pseudonymiser([1, 2, 3]));
}
