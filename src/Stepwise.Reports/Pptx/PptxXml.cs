using System.Globalization;
using System.Text;

namespace Stepwise.Reports.Pptx;

/// <summary>The PresentationML parts a deck needs, written as XML text: a plain theme, one blank layout, a notes
/// master, and the shapes slides are built from. Every text goes through <see cref="Escape"/>.</summary>
internal static class PptxXml
{
    public const string Namespaces = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
    public const string Font = "Verdana";
    public const long Emu = 914400;
    public const long SlideWidth = 12192000;
    public const long SlideHeight = 6858000;

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private const string ColorMap = "bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"";
    private const string GroupShape = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

    public static string Theme()
    {
        static string Fill() => "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
        string fonts = $"<a:latin typeface=\"{Font}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>";
        return Declaration + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Stepwise\"><a:themeElements>"
            + "<a:clrScheme name=\"Stepwise\"><a:dk1><a:srgbClr val=\"1F2933\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"1F2933\"/></a:dk2><a:lt2><a:srgbClr val=\"EEF2F6\"/></a:lt2>"
            + "<a:accent1><a:srgbClr val=\"0072B2\"/></a:accent1><a:accent2><a:srgbClr val=\"E69F00\"/></a:accent2><a:accent3><a:srgbClr val=\"009E73\"/></a:accent3><a:accent4><a:srgbClr val=\"D55E00\"/></a:accent4><a:accent5><a:srgbClr val=\"CC79A7\"/></a:accent5><a:accent6><a:srgbClr val=\"56B4E9\"/></a:accent6>"
            + "<a:hlink><a:srgbClr val=\"0072B2\"/></a:hlink><a:folHlink><a:srgbClr val=\"52606D\"/></a:folHlink></a:clrScheme>"
            + $"<a:fontScheme name=\"Stepwise\"><a:majorFont>{fonts}</a:majorFont><a:minorFont>{fonts}</a:minorFont></a:fontScheme>"
            + "<a:fmtScheme name=\"Stepwise\"><a:fillStyleLst>" + Fill() + Fill() + Fill() + "</a:fillStyleLst>"
            + "<a:lnStyleLst>" + string.Concat(Enumerable.Repeat("<a:ln w=\"9525\">" + Fill() + "</a:ln>", 3)) + "</a:lnStyleLst>"
            + "<a:effectStyleLst>" + string.Concat(Enumerable.Repeat("<a:effectStyle><a:effectLst/></a:effectStyle>", 3)) + "</a:effectStyleLst>"
            + "<a:bgFillStyleLst>" + Fill() + Fill() + Fill() + "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";
    }

    public static string SlideMaster(string layoutRelationship) =>
        Declaration + $"<p:sldMaster {Namespaces}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{GroupShape}</p:spTree></p:cSld>"
        + $"<p:clrMap {ColorMap}/><p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"{layoutRelationship}\"/></p:sldLayoutIdLst>"
        + "<p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles></p:sldMaster>";

    public static string BlankLayout() =>
        Declaration + $"<p:sldLayout {Namespaces} type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\"><p:spTree>{GroupShape}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";

    public static string NotesMaster() =>
        Declaration + $"<p:notesMaster {Namespaces}><p:cSld><p:spTree>{GroupShape}"
        + "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Notes\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr>"
        + "<p:spPr><a:xfrm><a:off x=\"685800\" y=\"4400550\"/><a:ext cx=\"5486400\" cy=\"3600450\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
        + "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp></p:spTree></p:cSld>"
        + $"<p:clrMap {ColorMap}/><p:notesStyle/></p:notesMaster>";

    public static string Notes(IReadOnlyList<string> lines)
    {
        var paragraphs = new StringBuilder();
        foreach (var line in lines.DefaultIfEmpty(string.Empty))
        {
            paragraphs.Append("<a:p><a:r><a:rPr lang=\"en-GB\" sz=\"1200\"/><a:t>").Append(Escape(line)).Append("</a:t></a:r></a:p>");
        }

        return Declaration + $"<p:notes {Namespaces}><p:cSld><p:spTree>{GroupShape}"
            + "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Notes\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/>"
            + $"<p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>";
    }

    public static string Slide(string shapes) =>
        Declaration + $"<p:sld {Namespaces}><p:cSld><p:spTree>{GroupShape}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";

    public static string Presentation(string masterRelationship, string notesMasterRelationship, IReadOnlyList<string> slideRelationships)
    {
        var slides = new StringBuilder();
        for (int i = 0; i < slideRelationships.Count; i++)
        {
            slides.Append("<p:sldId id=\"").Append(256 + i).Append("\" r:id=\"").Append(slideRelationships[i]).Append("\"/>");
        }

        return Declaration + $"<p:presentation {Namespaces} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"{masterRelationship}\"/></p:sldMasterIdLst>"
            + $"<p:notesMasterIdLst><p:notesMasterId r:id=\"{notesMasterRelationship}\"/></p:notesMasterIdLst><p:sldIdLst>{slides}</p:sldIdLst>"
            + $"<p:sldSz cx=\"{SlideWidth}\" cy=\"{SlideHeight}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>";
    }

    /// <summary>A text box with paragraphs; each paragraph is (text, size in points, bold, colour, bullet).</summary>
    public static string TextBox(int id, string name, long x, long y, long width, long height, IEnumerable<(string Text, int Size, bool Bold, string Color, bool Bullet)> paragraphs, string anchor = "t")
    {
        var sb = new StringBuilder();
        sb.Append("<p:sp><p:nvSpPr><p:cNvPr id=\"").Append(id).Append("\" name=\"").Append(Escape(name)).Append("\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>");
        sb.Append("<p:spPr>").Append(Frame(x, y, width, height)).Append("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>");
        sb.Append("<p:txBody><a:bodyPr wrap=\"square\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" anchor=\"").Append(anchor).Append("\"><a:normAutofit/></a:bodyPr><a:lstStyle/>");
        foreach (var (text, size, bold, color, bullet) in paragraphs)
        {
            sb.Append("<a:p>");
            if (bullet)
            {
                sb.Append("<a:pPr marL=\"285750\" indent=\"-285750\"><a:buFont typeface=\"Arial\"/><a:buChar char=\"\u2022\"/></a:pPr>");
            }

            sb.Append("<a:r><a:rPr lang=\"en-GB\" sz=\"").Append(size * 100).Append('"').Append(bold ? " b=\"1\"" : string.Empty).Append(" dirty=\"0\">")
                .Append("<a:solidFill><a:srgbClr val=\"").Append(color).Append("\"/></a:solidFill><a:latin typeface=\"").Append(Font).Append("\"/></a:rPr><a:t>")
                .Append(Escape(text)).Append("</a:t></a:r></a:p>");
        }

        sb.Append("</p:txBody></p:sp>");
        return sb.ToString();
    }

    /// <summary>A filled rectangle (a key-figure card's accent).</summary>
    public static string Rectangle(int id, long x, long y, long width, long height, string fill) =>
        $"<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Accent {id}\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{Frame(x, y, width, height)}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val=\"{fill}\"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>";

    /// <summary>A picture with its description for screen readers.</summary>
    public static string Picture(int id, string description, string relationship, long x, long y, long width, long height) =>
        $"<p:pic><p:nvPicPr><p:cNvPr id=\"{id}\" name=\"Chart {id}\" descr=\"{Escape(description)}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
        + $"<p:blipFill><a:blip r:embed=\"{relationship}\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{Frame(x, y, width, height)}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ when c < 0x20 && c is not ('\t' or '\n' or '\r') => "\uFFFD",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Frame(long x, long y, long width, long height) =>
        string.Create(CultureInfo.InvariantCulture, $"<a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{width}\" cy=\"{height}\"/></a:xfrm>");
}
