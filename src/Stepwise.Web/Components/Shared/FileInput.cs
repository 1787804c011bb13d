using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Stepwise.Web.Components.Shared;

/// <summary>
/// The framework's file input, which also says when it can take a file. A file chosen before the browser has attached
/// the input's change handler (the moments between the page turning interactive and the handler's set-up) would be
/// dropped without a word; once the handler is attached the element carries <c>data-ready</c>, so automated checks
/// choose a file only then.
/// </summary>
public sealed class FileInput : InputFile
{
    private bool _ready;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "file");
        builder.AddAttribute(3, "data-ready", _ready ? "true" : null);
        builder.AddElementReferenceCapture(4, element => Element = element);
        builder.CloseElement();
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The base attaches the change handler on the first render and returns when the browser has done so.
        await base.OnAfterRenderAsync(firstRender);
        if (firstRender)
        {
            _ready = true;
            StateHasChanged();
        }
    }
}
