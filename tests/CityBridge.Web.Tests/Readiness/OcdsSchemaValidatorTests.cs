using System.Text.Json;
using System.Text.Json.Nodes;
using CityBridge.Core.Readiness;
using CityBridge.Web.Features.Readiness;

namespace CityBridge.Web.Tests.Readiness;

public sealed class OcdsSchemaValidatorTests
{
    private static readonly TenderSource Source = new(42, "Smart street lighting", 5, "Da Nang", "Viet Nam", 4_500_000m,
        new TenderDraft("LED street lights with remote management", "Replace 12 000 lights", "open", "goods", 3_000_000m, "USD",
            new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero),
            [new TenderItem("LED luminaire with controller", 12_000m, "unit")]),
        ["IEC 62443"]);

    private static JsonNode ValidPackage() =>
        JsonSerializer.SerializeToNode(OcdsReleaseMapper.Map(Source, "ocds-abc123", 1, DateTimeOffset.UnixEpoch, "https://citybridge.example/api/projects/42/tender/release-package.json"), ReadinessJson.Ocds)!;

    private static async Task<IReadOnlyList<string>> ValidateAsync(JsonNode package) =>
        (await OcdsSchemaValidator.ShippedAsync()).Validate(package.ToJsonString());

    [Fact]
    public async Task A_mapped_tender_is_a_valid_OCDS_1_1_release_package()
    {
        Assert.Empty(await ValidateAsync(ValidPackage()));
    }

    [Fact]
    public async Task A_release_without_ocid_is_refused_naming_the_missing_field()
    {
        var package = ValidPackage();
        package["releases"]![0]!.AsObject().Remove("ocid");

        var error = Assert.Single(await ValidateAsync(package));
        Assert.Contains("required field \"ocid\" is missing", error, StringComparison.Ordinal);
        Assert.Contains("releases[0]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_without_time_is_refused_as_a_wrong_date_format()
    {
        var package = ValidPackage();
        package["releases"]![0]!["date"] = "01/03/2027";

        var error = Assert.Single(await ValidateAsync(package));
        Assert.Contains("\"date\" must be a date and time", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_that_is_not_a_list_of_codes_is_refused()
    {
        var package = ValidPackage();
        package["releases"]![0]!["tag"] = "tender";

        Assert.Contains(await ValidateAsync(package), e => e.Contains("\"tag\" must be a list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_tag_list_is_refused()
    {
        var package = ValidPackage();
        package["releases"]![0]!["tag"] = new JsonArray();

        Assert.Contains(await ValidateAsync(package), e => e.Contains("\"tag\" needs at least one entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Codes_outside_a_closed_codelist_are_refused()
    {
        var package = ValidPackage();
        package["releases"]![0]!["initiationType"] = "auction";
        package["releases"]![0]!["tender"]!["value"]!["currency"] = "DOLLARS";

        var errors = await ValidateAsync(package);

        Assert.Contains(errors, e => e.Contains("\"initiationType\" has a value the standard does not allow", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("tender.value", StringComparison.Ordinal) && e.Contains("\"currency\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_package_without_version_is_refused()
    {
        var package = ValidPackage();
        package.AsObject().Remove("version");

        Assert.Contains(await ValidateAsync(package), e => e.Contains("required field \"version\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_that_is_not_json_is_refused_in_plain_words()
    {
        var errors = (await OcdsSchemaValidator.ShippedAsync()).Validate("{ not json");

        Assert.StartsWith("The file is not valid JSON", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_without_publisher_is_refused_as_the_1_1_package_schema_requires()
    {
        var package = ValidPackage();
        package.AsObject().Remove("publisher");

        Assert.Contains(await ValidateAsync(package), e => e.Contains("required field \"publisher\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("uri")]
    [InlineData("publishedDate")]
    public async Task A_package_without_uri_or_published_date_is_refused(string field)
    {
        var package = ValidPackage();
        package.AsObject().Remove(field);

        Assert.Contains(await ValidateAsync(package), e => e.Contains($"required field \"{field}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_party_address_uses_the_1_1_country_name()
    {
        var address = ValidPackage()["releases"]![0]!["parties"]![0]!["address"]!;

        Assert.Equal("Viet Nam", address["countryName"]!.GetValue<string>());
        Assert.Null(address["country"]);
        Assert.Empty(await ValidateAsync(ValidPackage()));
    }

    [Fact]
    public async Task A_record_package_linking_two_releases_meets_the_1_1_record_package_schema()
    {
        var record = OcdsReleaseMapper.Record("https://citybridge.example/api/projects/42/tender/record-package.json", [
            ("ocds-abc123-project-42", "ocds-abc123-project-42-tender-1", "https://citybridge.example/r1.json", DateTimeOffset.UnixEpoch),
            ("ocds-abc123-project-42", "ocds-abc123-project-42-tender-2", "https://citybridge.example/r2.json", DateTimeOffset.UnixEpoch.AddDays(1)),
        ]);
        var json = JsonSerializer.SerializeToNode(record, ReadinessJson.Ocds)!;
        var validator = await OcdsSchemaValidator.ShippedAsync();

        Assert.Empty(validator.ValidateRecordPackage(json.ToJsonString()));
        json.AsObject().Remove("publisher");
        Assert.Contains(validator.ValidateRecordPackage(json.ToJsonString()), e => e.Contains("required field \"publisher\"", StringComparison.Ordinal));
    }
}
