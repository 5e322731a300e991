using System.Net;
using CityBridge.Testing;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PageTests(AppFixture apps)
{
    [Theory]
    [InlineData("/", "Smart-city technology")]
    [InlineData("/Countries", "Viet Nam")]
    [InlineData("/Cities", "Bandar Seri Begawan")]
    [InlineData("/Cities?pilot=true&country=ID", "Banyuwangi")]
    [InlineData("/Projects?sector=water", "Non-revenue water reduction programme")]
    [InlineData("/Organizations?kind=Provider", "AquaSense Analytics")]
    [InlineData("/Solutions?q=leak", "LeakFinder acoustic loggers")]
    [InlineData("/Sectors", "Environment and climate resilience")]
    [InlineData("/Account/SignIn", "Sign in")]
    [InlineData("/", "Smart Water Matchmaking at Singapore International Water Week")]
    [InlineData("/Events", "Smart Water Matchmaking at Singapore International Water Week")]
    [InlineData("/", "Smart City Project Readiness Workshop, Singapore")]
    [InlineData("/Programs", "Smart City Project Readiness Workshop, Singapore")]
    [InlineData("/Programs?kind=ExpertDelegation&upcoming=true", "Expert Advisors' Water Delegation")]
    public async Task Every_public_page_renders_for_anonymous_visitors(string path, string expected)
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_directory_list_pages_through_its_results_keeping_the_filters()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var first = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/Cities?country=ID&pageSize=2"));
        var second = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/Cities?country=ID&pageSize=2&page=2"));

        Assert.Contains("Page 1 of ", first);
        Assert.Contains("href=\"?country=ID&page=2&pageSize=2\"", first);
        Assert.Contains("Page 2 of ", second);
        Assert.Contains("href=\"?country=ID&page=1&pageSize=2\"", second);
    }

    [Theory]
    [InlineData("/Contacts", "Maria Alvarez")]
    [InlineData("/DataExchange", "Import a CSV file")]
    [InlineData("/Projects/Edit", "Add a priority project")]
    [InlineData("/Cities/Edit", "Add a city")]
    [InlineData("/Organizations/Edit", "Add an organization")]
    [InlineData("/Solutions/Edit", "Add a solution")]
    [InlineData("/Contacts/Edit", "Add a contact")]
    [InlineData("/Audit", "Audit log")]
    [InlineData("/Outbox", "E-mail outbox")]
    [InlineData("/Account/Invite", "Invite a user")]
    [InlineData("/Matching", "Signal weights")]
    [InlineData("/Events/Edit", "One per line as YYYY-MM-DD")]
    [InlineData("/Events/Edit", "Part of program")]
    [InlineData("/Programs/Edit", "Materials (Markdown: text and links)")]
    public async Task Staff_pages_render_for_staff(string path, string expected)
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Staff.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("/Projects/Edit")]
    [InlineData("/DataExchange")]
    [InlineData("/Audit")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_protected_pages(string path)
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Client.GetAsync(path);

        Assert.Equal("/Account/SignIn", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(path), response.RequestMessage.RequestUri.Query);
    }

    [Theory]
    [InlineData("/Projects/Details/999999")]
    [InlineData("/Cities/Edit/999999")]
    [InlineData("/Organizations/Delete/999999")]
    public async Task Pages_of_missing_records_answer_404(string path)
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Staff.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_stylesheet_is_served_to_browsers_that_ask_for_compression()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var html = await app.Client.GetStringAsync("/");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site[^\"]*\\.css)\"").Groups[1].Value;
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All };
        using var browserLike = new HttpClient(handler) { BaseAddress = app.BaseAddress };

        var css = await browserLike.GetStringAsync(href);

        Assert.Contains(".site-header", css);
    }
}
