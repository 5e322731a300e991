using CityBridge.Core.Search;

namespace CityBridge.Core.Tests.Search;

public sealed class SiteSearchIndexTests
{
    private static SiteSearchIndex IndexWith(params SearchEntry[] entries)
    {
        var index = new SiteSearchIndex();
        foreach (var kind in entries.GroupBy(e => e.Kind))
        {
            index.ReplaceKind(kind.Key, kind);
        }

        return index;
    }

    private static SearchEntry Entry(string kind, int id, string title, string text) => new(kind, id, title, text, $"/{kind}/{id}");

    [Fact]
    public void Words_are_found_in_another_form_of_the_same_stem()
    {
        using var index = IndexWith(Entry("library", 1, "Financing leak detection", "Utilities detect leaks with acoustic sensors."));

        var hit = Assert.Single(index.Search("leaking sensor", 10));
        Assert.Equal(("library", 1, "/library/1"), (hit.Kind, hit.Id, hit.Link));
    }

    [Fact]
    public void A_title_match_ranks_above_a_match_in_the_text()
    {
        using var index = IndexWith(
            Entry("project", 1, "Bus rapid transit", "Procurement of buses; a note on cybersecurity of ticketing."),
            Entry("library", 2, "Cybersecurity risk register", "How a city lists its connected systems."));

        Assert.Equal([2, 1], index.Search("cybersecurity", 10).Select(h => h.Id));
    }

    [Fact]
    public void A_word_typed_as_the_start_of_a_longer_one_finds_it()
    {
        using var index = IndexWith(Entry("organization", 7, "AquaSense Analytics", "Acoustic monitoring for water networks."));

        Assert.Equal([7], index.Search("aquasen", 10).Select(h => h.Id));
    }

    [Fact]
    public void Replacing_a_kind_drops_its_old_entries_and_keeps_the_other_kinds()
    {
        using var index = IndexWith(Entry("library", 1, "Tender checklist", "Open standards."), Entry("project", 1, "Tender for smart meters", "Water."));

        index.ReplaceKind("library", [Entry("library", 2, "Blended finance", "Grants and loans.")]);

        Assert.Equal([("project", 1)], index.Search("tender", 10).Select(h => (h.Kind, h.Id)));
        Assert.Equal([("library", 2)], index.Search("finance", 10).Select(h => (h.Kind, h.Id)));
        Assert.Equal(2, index.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("the and of")]
    public void Blank_or_stop_word_queries_find_nothing(string? text)
    {
        using var index = IndexWith(Entry("library", 1, "The planning of build-outs", "And of the rest."));

        Assert.Empty(index.Search(text, 10));
    }

    [Fact]
    public void Query_syntax_characters_are_plain_text()
    {
        using var index = IndexWith(Entry("library", 1, "ISO 37120 indicators", "City indicators (ISO 37120)."));

        Assert.Equal([1], index.Search("iso:37120 AND (\"indicators", 10).Select(h => h.Id));
    }

    [Fact]
    public void The_filter_drops_hits_and_the_limit_counts_only_kept_ones()
    {
        using var index = IndexWith(Enumerable.Range(1, 30).Select(i => Entry("library", i, $"Water document {i}", "Water.")).ToArray());

        var hits = index.Search("water", 5, h => h.Id % 2 == 0);

        Assert.Equal(5, hits.Count);
        Assert.All(hits, h => Assert.Equal(0, h.Id % 2));
    }

    [Fact]
    public void Long_texts_are_cut_to_a_short_excerpt()
    {
        using var index = IndexWith(Entry("library", 1, "Long", string.Join(' ', Enumerable.Repeat("water", 200))));

        Assert.True(Assert.Single(index.Search("water", 1)).Excerpt.Length <= 201);
    }
}
