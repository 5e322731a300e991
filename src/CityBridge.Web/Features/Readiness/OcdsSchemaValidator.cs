using NJsonSchema;
using NJsonSchema.Validation;

namespace CityBridge.Web.Features.Readiness;

/// <summary>
/// Validates release and record packages against the OCDS 1.1.5 schemas shipped in data/ocds (JSON Schema draft-04),
/// with the schemas' references to <c>https://standard.open-contracting.org/schema/1__1__5/…</c> resolved to the local copies.
/// </summary>
public sealed class OcdsSchemaValidator
{
    private const string SchemaBaseUrl = "https://standard.open-contracting.org/schema/1__1__5/";

    private static readonly string[] ReferencedSchemas = ["release-schema.json", "versioned-release-validation-schema.json"];

    private readonly JsonSchema _packageSchema;
    private readonly JsonSchema _recordPackageSchema;

    private static readonly Lazy<Task<OcdsSchemaValidator>> Shipped = new(() => LoadAsync(Path.Combine(CityBridge.Web.Data.DataSeeder.ShippedDataFolder, "ocds")));

    private OcdsSchemaValidator(JsonSchema packageSchema, JsonSchema recordPackageSchema)
    {
        _packageSchema = packageSchema;
        _recordPackageSchema = recordPackageSchema;
    }

    /// <summary>The validator for the schemas shipped with the app, loaded once.</summary>
    public static Task<OcdsSchemaValidator> ShippedAsync() => Shipped.Value;

    public static async Task<OcdsSchemaValidator> LoadAsync(string ocdsFolder, CancellationToken ct = default)
    {
        var referenced = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in ReferencedSchemas)
        {
            referenced[SchemaBaseUrl + file] = await LoadWithLocalReferencesAsync(ocdsFolder, file, referenced, ct);
        }

        return new OcdsSchemaValidator(
            await LoadWithLocalReferencesAsync(ocdsFolder, "release-package-schema.json", referenced, ct),
            await LoadWithLocalReferencesAsync(ocdsFolder, "record-package-schema.json", referenced, ct));
    }

    private static async Task<JsonSchema> LoadWithLocalReferencesAsync(string folder, string file, IReadOnlyDictionary<string, JsonSchema> referenced, CancellationToken ct)
    {
        var path = Path.Combine(folder, file);
        var json = await File.ReadAllTextAsync(path, ct);
        return await JsonSchema.FromJsonAsync(json, path,
            schema => new LocalUrlResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()), referenced), ct);
    }

    /// <summary>Every schema error of a release package in plain words, with where it is; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(string releasePackageJson) => Validate(_packageSchema, releasePackageJson);

    /// <summary>Every schema error of a record package in plain words; empty when it is valid.</summary>
    public IReadOnlyList<string> ValidateRecordPackage(string recordPackageJson) => Validate(_recordPackageSchema, recordPackageJson);

    private static List<string> Validate(JsonSchema schema, string json)
    {
        ICollection<ValidationError> errors;
        try
        {
            errors = schema.Validate(json);
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

    private sealed class LocalUrlResolver(JsonSchemaAppender appender, IReadOnlyDictionary<string, JsonSchema> referenced) : JsonReferenceResolver(appender)
    {
        public override Task<NJsonSchema.References.IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            referenced.TryGetValue(url, out var schema)
                ? Task.FromResult<NJsonSchema.References.IJsonReference>(schema)
                : throw new InvalidOperationException($"The OCDS schemas may only reference the shipped 1.1.5 schemas, not {url}.");
    }
}
