using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// Marks the fields whose input carries [Required]: the label gets the "required" class (an asterisk in the
/// stylesheet) and the control gets aria-required, so every form shows what it needs before the server has to say so.
/// </summary>
[HtmlTargetElement("label", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class RequiredFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    // After the framework's own tag helpers, which write the element's id, name and class.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any() || For.Metadata.ModelType == typeof(bool))
        {
            return;
        }

        if (output.TagName == "label")
        {
            output.AddClass("required", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
        else if (!output.Attributes.ContainsName("aria-required"))
        {
            output.Attributes.SetAttribute("aria-required", "true");
        }
    }
}
