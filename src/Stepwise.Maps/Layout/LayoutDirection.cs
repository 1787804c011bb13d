namespace Stepwise.Maps.Layout;

/// <summary>Which way the flow runs: the direction from one layer to the next.</summary>
public enum LayoutDirection
{
    /// <summary>Layers are rows, flow runs down the page; lanes are columns.</summary>
    TopToBottom,

    /// <summary>Layers are columns, flow runs to the right; lanes are rows (the usual BPMN look).</summary>
    LeftToRight,
}
