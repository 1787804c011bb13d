using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;

namespace Stepwise.Workbench.Analyses;

/// <summary>A drawn process map: the map model (with what simplification hid), its drawing, the SVG and, if asked, BPMN.</summary>
/// <param name="Map">The map model.</param>
/// <param name="Drawing">The laid-out drawing.</param>
/// <param name="Svg">The stand-alone SVG.</param>
/// <param name="Bpmn">BPMN 2.0 XML with diagram layout, when asked for.</param>
public sealed record MapResult(ProcessMap Map, MapDrawing Drawing, string Svg, string? Bpmn);
