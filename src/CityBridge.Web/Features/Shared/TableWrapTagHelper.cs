using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// Makes every table wrapper (which scrolls sideways when its table is wider than a phone) reachable by keyboard, so its
/// hidden columns can be scrolled into view without a mouse.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class=table-wrap]")]
public sealed class TableWrapTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("tabindex"))
        {
            output.Attributes.SetAttribute("tabindex", "0");
        }
    }
}
