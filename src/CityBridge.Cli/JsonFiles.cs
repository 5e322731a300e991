using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityBridge.Cli;

/// <summary>An input problem found at the edge, with the JSON path of the offending field.</summary>
internal sealed class InvalidInputException(string message) : Exception(message);

/// <summary>Reads and writes the CLI's JSON formats; every unreadable input becomes an <see cref="InvalidInputException"/> naming the field.</summary>
internal static class JsonFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task<T> ReadAsync<T>(FileInfo file, CancellationToken ct)
    {
        try
        {
            await using var stream = file.OpenRead();
            return await JsonSerializer.DeserializeAsync<T>(stream, Options, ct)
                ?? throw new InvalidInputException("$: the document is null");
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
            throw new InvalidInputException($"{path}: malformed JSON or wrong value type ({ex.Message.Split(" Path:")[0]})");
        }
        catch (IOException ex)
        {
            throw new InvalidInputException($"{file.Name}: cannot read the file ({ex.Message})");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidInputException($"{file.Name}: cannot read the file ({ex.Message})");
        }
    }

    public static async Task WriteAsync<T>(FileInfo file, T document, CancellationToken ct)
    {
        await using var stream = file.Create();
        await JsonSerializer.SerializeAsync(stream, document, Options, ct);
    }

    /// <summary>The document as indented JSON, with the same options as the files.</summary>
    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Fails with "path: reason"; typed so it can stand where a value is expected.</summary>
    public static T Fail<T>(string path, string reason) => throw new InvalidInputException($"{path}: {reason}");

    public static void Fail(string path, string reason) => throw new InvalidInputException($"{path}: {reason}");
}
