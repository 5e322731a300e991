using CityBridge.Core.Library;

namespace CityBridge.Core.Tests.Library;

public sealed class LibraryTagsTests
{
    [Fact]
    public void There_are_exactly_the_four_workshop_topics()
    {
        Assert.Equal(["planning", "financing", "procurement", "cybersecurity"], WorkshopTopics.All.Select(t => t.Key));
        Assert.Equal("Standards and procurement", WorkshopTopics.NameOf("procurement"));
    }

    [Fact]
    public void A_document_needs_at_least_one_topic()
    {
        Assert.Equal(["Choose at least one workshop topic."], LibraryTags.TopicProblems([]));
        Assert.Empty(LibraryTags.TopicProblems(["financing"]));
    }

    [Fact]
    public void An_unknown_topic_is_named_in_the_message_with_the_known_ones()
    {
        var problem = Assert.Single(LibraryTags.TopicProblems(["financing", "gardening"]));

        Assert.Contains("'gardening'", problem);
        Assert.Contains("planning, financing, procurement, cybersecurity", problem);
    }

    [Fact]
    public void Tags_are_normalized_to_lower_case_once_each_in_taxonomy_order()
    {
        Assert.Equal(["planning", "cybersecurity"], LibraryTags.NormalizeTopics([" Cybersecurity", "planning", "cybersecurity", ""]));
        Assert.Equal(["energy", "water", "health"], LibraryTags.NormalizeSectors(["health", "WATER", "energy"]));
    }

    [Theory]
    [InlineData("da-nang-water-pilot", true)]
    [InlineData("iso-37120", true)]
    [InlineData("Da-Nang", false)]
    [InlineData("two--hyphens", false)]
    [InlineData("-leading", false)]
    [InlineData("with space", false)]
    [InlineData("edit", false)]
    [InlineData("links", false)]
    [InlineData("", false)]
    public void Slugs_are_lower_case_words_joined_by_single_hyphens_and_not_a_page_name(string slug, bool valid) =>
        Assert.Equal(valid, LibraryTags.IsValidSlug(slug));

    [Theory]
    [InlineData("Phasing a Smart Street-Lighting Roll-out", "phasing-a-smart-street-lighting-roll-out")]
    [InlineData("Case study: Đà Nẵng's water, 2026!", "case-study-da-nang-s-water-2026")]
    [InlineData("Edit", "edit-document")]
    public void A_slug_made_from_a_title_is_valid(string title, string slug)
    {
        Assert.Equal(slug, LibraryTags.SlugFrom(title));
        Assert.True(LibraryTags.IsValidSlug(LibraryTags.SlugFrom(title)));
    }

    [Fact]
    public void A_slug_made_from_a_long_title_is_cut_to_the_limit_without_a_trailing_hyphen()
    {
        var slug = LibraryTags.SlugFrom(string.Join(' ', Enumerable.Repeat("procurement", 12)));

        Assert.True(slug.Length <= LibraryTags.MaxSlugLength);
        Assert.True(LibraryTags.IsValidSlug(slug));
    }
}
