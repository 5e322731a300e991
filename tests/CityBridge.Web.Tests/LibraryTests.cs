using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CityBridge.Core.Library;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Library;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class LibraryTests(AppFixture apps)
{
    internal static LibraryDocumentInput Document(string title, bool published = true, string? body = null) => new()
    {
        Title = title,
        Kind = LibraryKind.CaseStudy,
        Summary = "How a city cut its water losses.",
        Body = body ?? "## District metering\n\nThe utility split its network into **districts** and metered each one.",
        Sectors = ["water"],
        Topics = ["financing", "planning"],
        IsPublished = published,
    };

    internal static async Task<LibraryDocumentDto> CreateAsync(TestApp app, LibraryDocumentInput input)
    {
        var response = await app.Staff.PostAsJsonAsync("/api/library", input, AppFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LibraryDocumentDto>(AppFixture.Json))!;
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_document_is_created_with_a_slug_from_its_title_and_read_back_by_slug_and_id(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var title = Unique.Name("Blended finance for leak detection");

        var document = await CreateAsync(app, Document(title));
        var read = await app.Client.GetFromJsonAsync<LibraryDocumentDto>($"/api/library/{document.Id}", AppFixture.Json);
        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Library/{document.Slug}"));

        Assert.Equal(LibraryTags.SlugFrom(title), document.Slug);
        Assert.Equal(["planning", "financing"], read!.Topics);
        Assert.Contains("<h2>District metering</h2>", html);
        Assert.Contains("<strong>districts</strong>", html);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_document_without_title_body_or_topic_gets_a_problem_with_a_message_per_field(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var input = Document("");
        input.Body = "";
        input.Topics = ["gardening"];
        input.Sectors = ["wter"];

        var response = await app.Staff.PostAsJsonAsync("/api/library", input, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Enter the document's title.", Assert.Single(problem!.Errors["title"]));
        Assert.Equal("Write the document's text (Markdown).", Assert.Single(problem.Errors["body"]));
        Assert.Contains("'gardening'", Assert.Single(problem.Errors["topics"]));
        Assert.Contains("'wter'", Assert.Single(problem.Errors["sectors"]));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_second_document_with_the_same_slug_is_refused(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var first = await CreateAsync(app, Document(Unique.Name("Tender checklist")));
        var second = Document("Another title");
        second.Slug = first.Slug;

        var response = await app.Staff.PostAsJsonAsync("/api/library", second, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"/Library/{first.Slug}", Assert.Single(problem!.Errors["slug"]));
        await using var db = app.NewDb();
        Assert.Equal(1, await db.LibraryDocuments.CountAsync(d => d.Slug == first.Slug));
    }

    [Theory]
    [InlineData("Edit")]
    [InlineData("not a slug")]
    [InlineData("links")]
    public async Task A_slug_that_is_not_lower_case_words_or_names_a_page_is_refused(string slug)
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var input = Document(Unique.Name("Slug check"));
        input.Slug = slug;

        var response = await app.Staff.PostAsJsonAsync("/api/library", input, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lower-case letters", Assert.Single(problem!.Errors["slug"]));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Scripts_and_unsafe_html_in_the_markdown_do_not_reach_the_page(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        const string body = "Intro **bold**\n\n<script>alert('library-xss')</script>\n\n<img src=\"x.png\" onerror=\"alert('img-xss')\">\n\n" +
            "[click](javascript:alert('link-xss'))\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<a href=\"https://example.org\" onclick=\"steal()\">safe link</a>\n\n" +
            "<div style=\"background:url(javascript:alert(1))\">styled</div>";
        var document = await CreateAsync(app, Document(Unique.Name("Sanitized"), body: body));

        var html = await app.Client.GetStringAsync($"/Library/{document.Slug}");
        var article = html[html.IndexOf("<article class=\"card library-document\">", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)];

        Assert.Contains("<strong>bold</strong>", article);
        Assert.DoesNotContain("<script", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", article, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", article, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org\"", article);
        // The stored Markdown is kept as written: sanitizing happens on the way out.
        await using var db = app.NewDb();
        Assert.Contains("<script>", (await db.LibraryDocuments.SingleAsync(d => d.Id == document.Id)).Body);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Drafts_are_hidden_from_everyone_but_staff(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var title = Unique.Name("Draft cyber register");
        var draft = await CreateAsync(app, Document(title, published: false));
        using var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/library/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/library/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/Library/{draft.Slug}")).StatusCode);
        Assert.Equal(0, (await app.Client.GetFromJsonAsync<CollectionResponse<LibraryDocumentDto>>($"/api/library?q={Uri.EscapeDataString(title)}", AppFixture.Json))!.Total);
        Assert.DoesNotContain($"/Library/{draft.Slug}", await app.Client.GetStringAsync($"/Library?q={Uri.EscapeDataString(title)}"));
        Assert.Equal(HttpStatusCode.OK, (await app.Staff.GetAsync($"/api/library/{draft.Id}")).StatusCode);
        Assert.Contains($"/Library/{draft.Slug}", await app.Staff.GetStringAsync($"/Library?q={Uri.EscapeDataString(title)}"));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Only_staff_write_documents(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var document = await CreateAsync(app, Document(Unique.Name("Staff only")));
        using var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        using var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var edit = LibraryDocumentInput.From(document);
        edit.Title = "Taken over";

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.PostAsJsonAsync("/api/library", Document(Unique.Name("Anon")), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/library", Document(Unique.Name("Provider")), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PutAsJsonAsync($"/api/library/{document.Id}", edit, AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.DeleteAsync($"/api/library/{document.Id}")).StatusCode);
        await using var db = app.NewDb();
        Assert.Equal(document.Title, (await db.LibraryDocuments.SingleAsync(d => d.Id == document.Id)).Title);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_list_filters_by_kind_sector_and_topic(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var caseStudy = Document($"Case {marker}");
        var material = Document($"Material {marker}");
        material.Kind = LibraryKind.SessionMaterial;
        material.Topics = ["cybersecurity"];
        material.Sectors = ["transportation"];
        await CreateAsync(app, caseStudy);
        await CreateAsync(app, material);

        async Task<IEnumerable<string>> TitlesAsync(string filter) =>
            (await app.Client.GetFromJsonAsync<CollectionResponse<LibraryDocumentDto>>($"/api/library?q={marker}&{filter}", AppFixture.Json))!.Items.Select(d => d.Title);

        Assert.Equal([$"Case {marker}"], await TitlesAsync("kind=CaseStudy"));
        Assert.Equal([$"Material {marker}"], await TitlesAsync("topic=cybersecurity"));
        Assert.Equal([$"Case {marker}"], await TitlesAsync("sector=water"));
        Assert.Equal([$"Case {marker}", $"Material {marker}"], await TitlesAsync("page=1"));
        Assert.Contains($"Material {marker}", WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Library?q={marker}&topic=cybersecurity&kind=SessionMaterial")));
    }

    [Fact]
    public async Task The_demo_library_has_a_published_document_for_each_workshop_topic()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        foreach (var topic in WorkshopTopics.All)
        {
            var listed = await app.Client.GetFromJsonAsync<CollectionResponse<LibraryDocumentDto>>($"/api/library?topic={topic.Key}", AppFixture.Json);
            Assert.Contains(listed!.Items, d => d.IsPublished && d.Body.Length > 500);
        }
    }

    [Fact]
    public async Task The_edit_form_shows_messages_beside_the_fields_and_keeps_what_was_typed()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var (emptyResponse, empty) = await FormPost.AsAsync(app.Staff, "/Library/Edit", "/Library/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "A title kept",
            ["Input.Body"] = "",
            ["Input.Kind"] = "CaseStudy",
        });
        var (_, untagged) = await FormPost.AsAsync(app.Staff, "/Library/Edit", "/Library/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "A title kept",
            ["Input.Slug"] = "Not A Slug",
            ["Input.Body"] = "Some text.",
            ["Input.Kind"] = "CaseStudy",
        });

        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.Contains("Write the document's text (Markdown).", empty);
        Assert.Contains("value=\"A title kept\"", empty);
        Assert.Contains("Choose at least one workshop topic.", untagged);
        Assert.Contains("Use lower-case letters, digits and single hyphens", untagged);
        Assert.Contains("value=\"Not A Slug\"", untagged);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_link_a_document_to_a_project_and_visitors_see_it_there_unless_it_is_a_draft(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var published = await CreateAsync(app, Document(Unique.Name("Linked case")));
        var draft = await CreateAsync(app, Document(Unique.Name("Linked draft"), published: false));
        await using var db = app.NewDb();
        var projectId = await db.Projects.Where(p => p.IsPublished).Select(p => p.Id).FirstAsync();
        var projectPage = $"/Projects/Details/{projectId}";

        foreach (var document in new[] { published, draft })
        {
            var (response, html) = await FormPost.AsAsync(app.Staff, projectPage, "/Library/Links?handler=Add", new Dictionary<string, string>
            {
                ["documentId"] = document.Id.ToString(CultureInfo.InvariantCulture),
                ["targetKind"] = "project",
                ["targetId"] = projectId.ToString(CultureInfo.InvariantCulture),
                ["returnUrl"] = projectPage,
            });
            Assert.Equal(projectPage, response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("Document linked.", html);
        }

        var visitorView = WebUtility.HtmlDecode(await app.Client.GetStringAsync(projectPage));
        Assert.Contains(published.Title, visitorView);
        Assert.DoesNotContain(draft.Title, visitorView);
        Assert.DoesNotContain("Link document", visitorView);
        Assert.Contains(draft.Title, WebUtility.HtmlDecode(await app.Staff.GetStringAsync(projectPage)));

        var linkId = await db.LibraryLinks.Where(l => l.DocumentId == published.Id).Select(l => l.Id).SingleAsync();
        await FormPost.AsAsync(app.Staff, projectPage, "/Library/Links?handler=Remove", new Dictionary<string, string> { ["linkId"] = linkId.ToString(CultureInfo.InvariantCulture), ["returnUrl"] = projectPage });
        Assert.DoesNotContain(published.Title, WebUtility.HtmlDecode(await app.Client.GetStringAsync(projectPage)));
        Assert.Contains(await db.AuditLog.Where(a => a.EntityType == nameof(LibraryDocument) && a.EntityId == published.Id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync(), a => a == "Unlinked");
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_link_a_document_to_a_program_session_and_the_program_page_shows_it_under_the_session(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var document = await CreateAsync(app, Document(Unique.Name("Session material")));
        await using var db = app.NewDb();
        var session = await db.ProgramSessions.Where(s => db.Programs.Any(p => p.Id == s.ProgramId && p.IsPublished)).OrderBy(s => s.Id).FirstAsync();
        var programPage = $"/Programs/Details/{session.ProgramId}";

        var (_, html) = await FormPost.AsAsync(app.Staff, programPage, "/Library/Links?handler=Add", new Dictionary<string, string>
        {
            ["documentId"] = document.Id.ToString(CultureInfo.InvariantCulture),
            ["targetKind"] = LibraryLinkTargets.ProgramSession,
            ["targetId"] = session.Id.ToString(CultureInfo.InvariantCulture),
            ["returnUrl"] = programPage,
        });
        var visitorView = WebUtility.HtmlDecode(await app.Client.GetStringAsync(programPage));

        Assert.Contains("Document linked.", html);
        Assert.Contains($"Library for “{session.Title}”", visitorView);
        Assert.Contains(document.Title, visitorView);
    }

    [Fact]
    public async Task A_link_to_a_project_that_does_not_exist_is_refused()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var document = await CreateAsync(app, Document(Unique.Name("Nowhere")));
        await using var db = app.NewDb();
        var projectPage = $"/Projects/Details/{await db.Projects.Select(p => p.Id).FirstAsync()}";

        var (response, html) = await FormPost.AsAsync(app.Staff, projectPage, "/Library/Links?handler=Add", new Dictionary<string, string>
        {
            ["documentId"] = document.Id.ToString(CultureInfo.InvariantCulture),
            ["targetKind"] = "project",
            ["targetId"] = "999999",
            ["returnUrl"] = "/Library",
        });

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} at {response.RequestMessage!.RequestUri}");
        Assert.Contains("There is no project with id 999999 to link to.", html);
        Assert.False(await db.LibraryLinks.AnyAsync(l => l.DocumentId == document.Id));
    }
}
