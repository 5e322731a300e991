using System.Net;
using CityBridge.Testing;

namespace CityBridge.Web.Tests;

/// <summary>The rules a browser checks before sending a form carry the server's own messages (the server's own refusals are
/// tested with each form, e.g. InterestTests.Without_consent_the_form_says_why_and_stores_nothing).</summary>
[Collection(AppCollection.Name)]
public sealed class ClientChecksTests(AppFixture apps)
{
    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Forms_give_the_browser_the_servers_own_messages_for_our_rules(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var interest = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/Interest"));
        var project = WebUtility.HtmlDecode(await app.Staff.GetStringAsync("/Projects/Edit"));
        var document = WebUtility.HtmlDecode(await app.Staff.GetStringAsync("/Library/Edit"));

        Assert.Contains("data-val-checked=\"We can only keep your request if you agree to the privacy notice.\"", interest, StringComparison.Ordinal);
        Assert.Contains("data-val-email=\"Enter a valid e-mail address, such as name@example.com.\"", interest, StringComparison.Ordinal);
        Assert.Contains("data-val-required=\"Enter your name.\"", interest, StringComparison.Ordinal);
        Assert.DoesNotMatch("data-val-checks=\"[^\"]", interest); // sectors are optional on the interest form
        Assert.Contains("data-val-checks=\"Choose at least one sector.\"", project, StringComparison.Ordinal);
        Assert.Contains("data-val-range=\"Choose the city that owns this project.\"", project, StringComparison.Ordinal);
        Assert.Contains("data-val-checks=\"Choose at least one workshop topic.\"", document, StringComparison.Ordinal);
    }
}
