namespace Stepwise.Charts.Drawing;

/// <summary>Point markers, so series differ by shape as well as colour.</summary>
internal enum MarkerShape
{
    Circle,
    Square,
    Diamond,
    Triangle,
}
