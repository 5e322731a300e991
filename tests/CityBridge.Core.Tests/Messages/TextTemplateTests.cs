using CityBridge.Core.Messages;

namespace CityBridge.Core.Tests.Messages;

public sealed class TextTemplateTests
{
    private const string Template = "Subject: Hello {{Name}}\n\nDear {{Name}},\r\nyour code is {{Code}}.\n";

    [Fact]
    public void The_first_line_is_the_subject_and_the_rest_the_body_with_values_filled_in()
    {
        var text = TextTemplate.Render(Template, new Dictionary<string, string> { ["Name"] = "Lan", ["Code"] = "42" });

        Assert.Equal("Hello Lan", text.Subject);
        Assert.Equal("Dear Lan,\nyour code is 42.\n", text.Body);
    }

    [Fact]
    public void A_missing_value_is_an_error_not_an_empty_gap()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => TextTemplate.Render(Template, new Dictionary<string, string> { ["Name"] = "Lan" }));

        Assert.Contains("{{Code}}", error.Message);
    }

    [Fact]
    public void A_value_the_template_does_not_use_is_an_error()
    {
        Assert.Throws<ArgumentException>(() =>
            TextTemplate.Render(Template, new Dictionary<string, string> { ["Name"] = "Lan", ["Code"] = "42", ["Link"] = "x" }));
    }

    [Fact]
    public void A_template_without_a_subject_line_is_rejected()
    {
        Assert.Throws<FormatException>(() => TextTemplate.Render("Dear {{Name}}", new Dictionary<string, string> { ["Name"] = "Lan" }));
    }

    [Fact]
    public void A_value_with_a_line_break_cannot_add_a_line_to_the_subject()
    {
        var text = TextTemplate.Render(Template, new Dictionary<string, string> { ["Name"] = "Lan\r\nBcc: someone@example.com", ["Code"] = "1" });

        Assert.DoesNotContain('\n', text.Subject);
        Assert.DoesNotContain('\r', text.Subject);
    }

    [Fact]
    public void Values_are_inserted_as_they_are_and_not_read_as_placeholders()
    {
        var text = TextTemplate.Render(Template, new Dictionary<string, string> { ["Name"] = "{{Code}}", ["Code"] = "42" });

        Assert.Equal("Hello {{Code}}", text.Subject);
    }

    [Fact]
    public void Placeholders_of_a_template_are_listed()
    {
        Assert.Equal(new HashSet<string> { "Name", "Code" }, TextTemplate.PlaceholdersOf(Template));
    }
}
