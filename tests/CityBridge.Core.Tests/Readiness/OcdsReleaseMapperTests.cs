using CityBridge.Core.Readiness;

namespace CityBridge.Core.Tests.Readiness;

public sealed class OcdsReleaseMapperTests
{
    private static readonly TenderSource Source = new(7, "Smart water", 3, "Makassar", "Indonesia", 12_000_000m,
        new TenderDraft("Leak detection", "District metering areas", "open", "goods", 2_500_000m, "USD",
            new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2027, 4, 1, 17, 0, 0, TimeSpan.FromHours(8)),
            [new("Smart meters", 5000m, "unit")]),
        ["ISO 24510"]);

    [Fact]
    public void The_ocid_is_the_prefix_and_the_project_and_stays_the_same_across_releases()
    {
        var first = OcdsReleaseMapper.Map(Source, "ocds-abc123", 1, DateTimeOffset.UnixEpoch, "https://x/p.json").Releases[0];
        var second = OcdsReleaseMapper.Map(Source, "ocds-abc123", 2, DateTimeOffset.UnixEpoch, "https://x/p.json").Releases[0];

        Assert.Equal("ocds-abc123-project-7", first.Ocid);
        Assert.Equal(first.Ocid, second.Ocid);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Dates_are_written_in_utc_as_rfc_3339()
    {
        var release = OcdsReleaseMapper.Map(Source, "ocds-x", 1, DateTimeOffset.UnixEpoch, "https://x/p.json").Releases[0];

        Assert.Equal("1970-01-01T00:00:00Z", release.Date);
        Assert.Equal("2027-03-01T01:00:00Z", release.Tender.TenderPeriod!.StartDate);
    }

    [Fact]
    public void The_city_is_buyer_and_procuring_entity_and_required_standards_are_in_the_description()
    {
        var release = OcdsReleaseMapper.Map(Source, "ocds-x", 1, DateTimeOffset.UnixEpoch, "https://x/p.json").Releases[0];

        var party = Assert.Single(release.Parties);
        Assert.Equal(["buyer", "procuringEntity"], party.Roles);
        Assert.Equal(party.Id, release.Buyer.Id);
        Assert.Equal("Indonesia", party.Address!.CountryName);
        Assert.EndsWith("The solution must meet: ISO 24510.", release.Tender.Description, StringComparison.Ordinal);
        Assert.Equal(["tender"], release.Tag);
    }

    [Fact]
    public void A_tender_whose_period_starts_after_publication_is_planned()
    {
        var beforeStart = new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("planned", OcdsReleaseMapper.Map(Source, "ocds-abc123", 1, beforeStart, "https://x/p.json").Releases[0].Tender.Status);
    }

    [Fact]
    public void A_tender_whose_period_has_started_is_active()
    {
        var duringPeriod = new DateTimeOffset(2027, 3, 10, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("active", OcdsReleaseMapper.Map(Source, "ocds-abc123", 1, duringPeriod, "https://x/p.json").Releases[0].Tender.Status);
    }

    [Fact]
    public void A_project_without_budget_has_no_planning_section()
    {
        var release = OcdsReleaseMapper.Map(Source with { BudgetUsd = null }, "ocds-abc123", 1, DateTimeOffset.UnixEpoch, "https://x/p.json").Releases[0];

        Assert.Null(release.Planning);
    }

    [Theory]
    [InlineData("ocds-213czf", true)]
    [InlineData("ocds-abc123", true)]
    [InlineData("ocds-citybridge", false)]
    [InlineData("ocds-ABC123", false)]
    [InlineData("ocds-abc12", false)]
    [InlineData("abc123", false)]
    [InlineData("", false)]
    public void An_ocid_prefix_is_ocds_and_six_lowercase_letters_or_digits(string prefix, bool valid)
    {
        Assert.Equal(valid, OcidPrefixFormat.IsValid(prefix));
    }

    [Fact]
    public void A_record_links_every_release_oldest_first_by_its_package_address_and_id()
    {
        var record = OcdsReleaseMapper.Record("https://x/record.json", [
            ("ocds-abc123-project-7", "r2", "https://x/releases/r2.json", new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            ("ocds-abc123-project-7", "r1", "https://x/releases/r1.json", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        ]);

        var single = Assert.Single(record.Records);
        Assert.Equal(["https://x/releases/r1.json#r1", "https://x/releases/r2.json#r2"], single.Releases.Select(r => r.Url));
        Assert.Equal("2027-02-01T00:00:00Z", record.PublishedDate);
    }
}
