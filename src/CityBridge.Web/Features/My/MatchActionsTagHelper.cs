using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CityBridge.Web.Features.My;

/// <summary>
/// The buttons of a match card, <c>&lt;match-actions project-id=… organization-id=… may-start-opportunity=… return-url=…/&gt;</c>:
/// request a meeting, send a message, start an opportunity. One form whose buttons post to fixed addresses on /My
/// (formaction). A start page or match list draws it for every match, so it is a tag helper, not a partial view: a
/// partial costs a view lookup, a view context and a buffer each time, and 60 of them were a fifth of what an
/// official's start page allocated (docs/benchmarks.md, start pages).
/// </summary>
[HtmlTargetElement("match-actions", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MatchActionsTagHelper(IAntiforgery antiforgery) : TagHelper
{
    public int ProjectId { get; set; }

    public int OrganizationId { get; set; }

    public bool MayStartOpportunity { get; set; }

    /// <summary>Where the buttons come back to (a local path); the message handler ignores it.</summary>
    public string ReturnUrl { get; set; } = "/My";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // The request's token is made once and reused by every form on the page.
        var tokens = antiforgery.GetAndStoreTokens(ViewContext.HttpContext);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "my-match-actions");
        output.Attributes.SetAttribute("data-testid", "match-actions");
        var html = output.Content;
        html.AppendHtml("<form method=\"post\" action=\"/My?handler=RequestMeeting\">");
        Hidden(html, tokens.FormFieldName, tokens.RequestToken ?? "");
        Hidden(html, "projectId", ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Hidden(html, "organizationId", OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Hidden(html, "returnUrl", ReturnUrl);
        html.AppendHtml("<button class=\"btn\">Request a meeting</button>");
        html.AppendHtml("<button class=\"btn btn-secondary\" formaction=\"/My?handler=Message\">Send a message</button>");
        if (MayStartOpportunity)
        {
            html.AppendHtml("<button class=\"btn btn-secondary\" formaction=\"/My?handler=Opportunity\">Start an opportunity</button>");
        }

        html.AppendHtml("</form>");
    }

    private static void Hidden(TagHelperContent html, string name, string value) =>
        html.AppendHtml("<input type=\"hidden\" name=\"").Append(name).AppendHtml("\" value=\"").Append(value).AppendHtml("\" />");
}
