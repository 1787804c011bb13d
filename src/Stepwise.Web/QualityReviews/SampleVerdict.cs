using Stepwise.Review.Quality;

namespace Stepwise.Web.QualityReviews;

/// <summary>
/// What a check of a sample says about representativeness. A stratified sample has each stratum's share of the
/// population by construction, so on its strata it matches the population by design and a test there says nothing:
/// the verdict of a check of the sample rests on the other attributes only, named. A check of the responses received
/// is tested on every attribute, strata included (who answers is not by design).
/// </summary>
/// <param name="Badge">The verdict as the check's badge says it: "representative on TypeOfTraveller", "matches by design".</param>
/// <param name="Class">The badge's class: ok, bad, or none for a match by design.</param>
/// <param name="ByDesign">The attributes of the check the sample was stratified on (for a check of the sample).</param>
/// <param name="Tested">The attributes the verdict rests on.</param>
/// <param name="Explanation">What the match by design means and which attributes were tested, or null when the sample
/// is not stratified or the check is of the responses.</param>
public sealed record SampleVerdict(string Badge, string Class, IReadOnlyList<string> ByDesign, IReadOnlyList<string> Tested, string? Explanation)
{
    /// <summary>The verdict of <paramref name="check"/>, a check of <paramref name="sample"/>.</summary>
    public static SampleVerdict Of(QualitySample sample, SampleCheck check)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(check);
        bool ofSample = check.ResponseRate is null;
        var byDesign = ofSample ? check.Attributes.Where(a => sample.Strata.Contains(a.Attribute, StringComparer.OrdinalIgnoreCase)).ToList() : [];
        var tested = check.Attributes.Except(byDesign).ToList();
        var testedNames = tested.Select(a => a.Attribute).ToList();
        var designNames = byDesign.Select(a => a.Attribute).ToList();

        string badge, css;
        if (tested.Count == 0)
        {
            (badge, css) = ("matches by design only", string.Empty);
        }
        else if (tested.All(a => a.Representative))
        {
            (badge, css) = ($"representative on {Names(testedNames)}", "ok");
        }
        else
        {
            var not = tested.Where(a => !a.Representative).Select(a => a.Attribute).ToList();
            (badge, css) = ($"not representative on {Names(not)}", "bad");
        }

        string? explanation = null;
        if (ofSample && sample.Strata.Count > 0)
        {
            string strata = Names(sample.Strata);
            explanation = tested.Count == 0
                ? $"The sample matches the population on {strata} by design: it is stratified on {(sample.Strata.Count == 1 ? "it" : "them")}, so this check tests nothing. Check it on an attribute it was not stratified on to know whether it is representative."
                : $"The sample matches the population on {strata} by design (it is stratified on {(sample.Strata.Count == 1 ? "it" : "them")}); representativeness is tested on {Names(testedNames)} only, {(tested.Count == 1 ? "the attribute" : "the attributes")} it was not stratified on.";
        }

        return new SampleVerdict(badge, css, designNames, testedNames, explanation);
    }

    /// <summary>Names joined as a sentence says them: "Class", "Class and Channel", "Class, Channel and Team".</summary>
    public static string Names(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count switch
        {
            0 => "no attribute",
            1 => names[0],
            _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
        };
    }
}
