using NJsonSchema;
using NJsonSchema.Validation;

namespace CityBridge.Web.Features.Readiness;

/// <summary>
/// Validates release packages against the official OCDS 1.1 schemas shipped in data/ocds (JSON Schema draft-04),
/// with the package schema's reference to the release schema URL resolved to the local copy.
/// </summary>
public sealed class OcdsSchemaValidator
{
    private const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    private readonly JsonSchema _packageSchema;

    private static readonly Lazy<Task<OcdsSchemaValidator>> Shipped = new(() => LoadAsync(Path.Combine(CityBridge.Web.Data.DataSeeder.ShippedDataFolder, "ocds")));

    private OcdsSchemaValidator(JsonSchema packageSchema) => _packageSchema = packageSchema;

    /// <summary>The validator for the schemas shipped with the app, loaded once.</summary>
    public static Task<OcdsSchemaValidator> ShippedAsync() => Shipped.Value;

    public static async Task<OcdsSchemaValidator> LoadAsync(string ocdsFolder, CancellationToken ct = default)
    {
        var releaseSchema = await JsonSchema.FromFileAsync(Path.Combine(ocdsFolder, "release-schema.json"), ct);
        var packageJson = await File.ReadAllTextAsync(Path.Combine(ocdsFolder, "release-package-schema.json"), ct);
        var packageSchema = await JsonSchema.FromJsonAsync(packageJson, Path.Combine(ocdsFolder, "release-package-schema.json"), schema =>
        {
            var resolver = new LocalUrlResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()), releaseSchema);
            return resolver;
        }, ct);
        return new OcdsSchemaValidator(packageSchema);
    }

    /// <summary>Every schema error in plain words, with where it is; empty when the package is valid.</summary>
    public IReadOnlyList<string> Validate(string releasePackageJson)
    {
        ICollection<ValidationError> errors;
        try
        {
            errors = _packageSchema.Validate(releasePackageJson);
        }
        catch (Newtonsoft.Json.JsonReaderException e)
        {
            return [$"The file is not valid JSON: {e.Message}"];
        }

        return Flatten(errors).Select(Describe).Distinct().ToList();
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        var where = Where(error);
        var field = error.Property ?? "value";
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"{where}: the required field \"{field}\" is missing.",
            ValidationErrorKind.DateTimeExpected => $"{where}: \"{field}\" must be a date and time such as 2027-03-01T09:00:00Z.",
            ValidationErrorKind.NotInEnumeration => $"{where}: \"{field}\" has a value the standard does not allow (see its codelist).",
            ValidationErrorKind.ArrayExpected => $"{where}: \"{field}\" must be a list.",
            ValidationErrorKind.StringExpected => $"{where}: \"{field}\" must be text.",
            ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected => $"{where}: \"{field}\" must be a number.",
            ValidationErrorKind.TooFewItems => $"{where}: \"{field}\" needs at least one entry.",
            ValidationErrorKind.StringTooShort => $"{where}: \"{field}\" must not be empty.",
            ValidationErrorKind.PatternMismatch => $"{where}: \"{field}\" is not in the expected form.",
            ValidationErrorKind.UriExpected => $"{where}: \"{field}\" must be a full web address (URI).",
            ValidationErrorKind.ObjectExpected => $"{where}: \"{field}\" must be an object with fields.",
            ValidationErrorKind.NoTypeValidates => $"{where}: \"{field}\" has the wrong type.",
            _ => $"{where}: \"{field}\" is not valid ({error.Kind}).",
        };
    }

    private static string Where(ValidationError error)
    {
        // NJsonSchema paths look like "#/releases[0].tender.value"; show them without the root marker.
        var path = (error.Path ?? "#").TrimStart('#', '/');
        return path.Length == 0 ? "The package" : $"At {path}";
    }

    private sealed class LocalUrlResolver(JsonSchemaAppender appender, JsonSchema releaseSchema) : JsonReferenceResolver(appender)
    {
        public override Task<NJsonSchema.References.IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            url == ReleaseSchemaUrl
                ? Task.FromResult<NJsonSchema.References.IJsonReference>(releaseSchema)
                : throw new InvalidOperationException($"The OCDS schemas may only reference the shipped release schema, not {url}.");
    }
}
