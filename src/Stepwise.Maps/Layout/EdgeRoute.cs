namespace Stepwise.Maps.Layout;

/// <summary>
/// How one edge is drawn: a polyline from a point on the source's border to a point on the target's border.
/// Segments that run along the flow pass through layers in a free corridor; segments that change both coordinates
/// lie in the gaps between layers, where no node or label is (a renderer may draw them as S-curves).
/// </summary>
/// <param name="Points">The polyline, from source to target; the first and last points lie on the node borders.</param>
/// <param name="Reversed">Whether the edge runs against the flow (a rework loop drawn as a back edge).</param>
/// <param name="SelfLoop">Whether the edge goes from a node to itself (drawn as a loop beside the node).</param>
/// <param name="Label">Where its label goes (empty when it has none); it overlaps no node and no other label.</param>
/// <param name="LabelAnchor">The point of the label nearest its own line (the middle of the label's side facing the
/// line), a line's half width and <see cref="LayoutOptions.LabelGap"/> from it; (0, 0) without a label.</param>
public sealed record EdgeRoute(IReadOnlyList<Point> Points, bool Reversed, bool SelfLoop, Rect Label, Point LabelAnchor);
