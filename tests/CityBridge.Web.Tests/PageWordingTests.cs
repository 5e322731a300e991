using CityBridge.Web.Features.Audit;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Tests;

public sealed class PageWordingTests
{
    [Theory]
    [InlineData(0, "city", "0 cities")]
    [InlineData(1, "city", "1 city")]
    [InlineData(2, "city", "2 cities")]
    [InlineData(1, "opportunity", "1 opportunity")]
    [InlineData(3, "opportunity", "3 opportunities")]
    [InlineData(2, "day", "2 days")]
    [InlineData(2, "match", "2 matches")]
    [InlineData(1500, "project", "1,500 projects")]
    public void Counted_nouns_agree_with_their_count(long count, string noun, string expected) =>
        Assert.Equal(expected, Plural.Of(count, noun));

    [Fact]
    public void An_audited_change_reads_as_fields_with_old_and_new_values()
    {
        var entry = new AuditEntry
        {
            UserName = "staff@citybridge.example",
            EntityType = "City",
            EntityId = "7",
            Action = "Updated",
            Before = """{"Name":"Makasar","Sectors":["water"],"IsAscnPilot":false}""",
            After = """{"Name":"Makassar","Sectors":["water","energy"],"IsAscnPilot":true}""",
        };

        var changes = Features.Audit.IndexModel.Changes(entry);

        Assert.Equal(
            [new FieldChange("Name", "Makasar", "Makassar"), new FieldChange("Sectors", "water", "water, energy"), new FieldChange("IsAscnPilot", "no", "yes")],
            changes);
    }

    [Fact]
    public void A_created_record_shows_only_its_new_values()
    {
        var entry = new AuditEntry { UserName = "u", EntityType = "City", EntityId = "1", Action = "Created", After = """{"Name":"Hue","Population":null}""" };

        Assert.Equal([new FieldChange("Name", null, "Hue"), new FieldChange("Population", null, "(empty)")], Features.Audit.IndexModel.Changes(entry));
    }
}
