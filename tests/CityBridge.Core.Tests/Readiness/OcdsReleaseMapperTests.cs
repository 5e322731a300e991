using CityBridge.Core.Readiness;

namespace CityBridge.Core.Tests.Readiness;

public sealed class OcdsReleaseMapperTests
{
    private static readonly TenderSource Source = new(7, "Smart water", 3, "Makassar", "ID", 12_000_000m,
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
        Assert.Equal("ID", party.Address!.Country);
        Assert.EndsWith("The solution must meet: ISO 24510.", release.Tender.Description, StringComparison.Ordinal);
        Assert.Equal(["tender"], release.Tag);
    }
}
