using System.Text.Json;
using System.Text.Json.Nodes;
using CityBridge.Core.Readiness;
using CityBridge.Web.Features.Readiness;

namespace CityBridge.Web.Tests.Readiness;

public sealed class OcdsSchemaValidatorTests
{
    private static readonly TenderSource Source = new(42, "Smart street lighting", 5, "Da Nang", "VN", 4_500_000m,
        new TenderDraft("LED street lights with remote management", "Replace 12 000 lights", "open", "goods", 3_000_000m, "USD",
            new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero),
            [new TenderItem("LED luminaire with controller", 12_000m, "unit")]),
        ["IEC 62443"]);

    private static JsonNode ValidPackage() =>
        JsonSerializer.SerializeToNode(OcdsReleaseMapper.Map(Source, "ocds-citybridge", 1, DateTimeOffset.UnixEpoch, "https://citybridge.example/api/projects/42/tender/release-package.json"), ReadinessJson.Ocds)!;

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
}
