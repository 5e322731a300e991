using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityBridge.Web.Features.DataExchange;

/// <summary>CSV import and export over HTTP: <c>GET /api/export/{kind}</c> and <c>POST /api/import/{kind}</c>.</summary>
public static class DataExchangeApi
{
    public const long MaxUploadBytes = 50 * 1024 * 1024;

    public static bool TryParseKind(string? text, out CsvKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    public static string FileName(CsvKind kind) => $"citybridge-{kind.ToString().ToLowerInvariant()}.csv";

    public static void MapDataExchangeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("import-export");
        var staff = Account.AccountsRegistration.StaffPolicy;
        var staffWrite = Account.AccountsRegistration.StaffWritePolicy;
        group.MapGet("/export/{kind}", async Task<IResult> (string kind, CsvExporter exporter, HttpContext http, CancellationToken ct) =>
        {
            if (!TryParseKind(kind, out var csvKind))
            {
                return UnknownKind(kind);
            }

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(csvKind)}\"";
            await exporter.ExportAsync(csvKind, http.Response.Body, ct);
            return TypedResults.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest)
          .RequireAuthorization(staff).WithSummary("Export providers, solutions, projects or contacts as CSV (staff).");

        group.MapPost("/import/{kind}", async Task<IResult> (string kind, bool? dryRun, HttpRequest request, CsvImporter importer, CancellationToken ct) =>
        {
            if (!TryParseKind(kind, out var csvKind))
            {
                return UnknownKind(kind);
            }

            if (request.ContentLength > MaxUploadBytes)
            {
                return TypedResults.Problem(title: "File too large", detail: $"CSV uploads are limited to {MaxUploadBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            Stream body;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.Count > 0 ? form.Files[0] : null;
                if (file is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach a CSV file."] });
                }

                if (!IsCsvFile(file.FileName, file.ContentType))
                {
                    return NotCsv();
                }

                body = file.OpenReadStream();
            }
            else
            {
                if (!IsCsvMediaType(request.ContentType))
                {
                    return NotCsv();
                }

                // The importer reads the file twice (check, then store), so buffer the request.
                var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                body = buffer;
            }

            await using (body)
            {
                var report = await importer.ImportAsync(csvKind, body, dryRun ?? false, progress: null, ct);
                return report.Succeeded
                    ? TypedResults.Ok(report)
                    : TypedResults.Problem(title: "Nothing was imported", detail: report.Summary, statusCode: StatusCodes.Status422UnprocessableEntity,
                        extensions: new Dictionary<string, object?> { ["rejectedRows"] = report.Rejected });
            }
        }).Accepts<IFormFile>("multipart/form-data", "text/csv").Produces<ImportReport>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
          .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
          .DisableAntiforgery().AddEndpointFilter<BrowserSessionCsrfFilter>().RequireAuthorization(staffWrite)
          .WithSummary("Import a CSV file in one transaction: all rows or none. ?dryRun=true only checks (staff).");
    }

    /// <summary>An uploaded file is a CSV file: its name ends in .csv and its type, when the browser sends one, is a CSV or text type.</summary>
    public static bool IsCsvFile(string? fileName, string? contentType) =>
        Path.GetExtension(fileName ?? string.Empty).Equals(".csv", StringComparison.OrdinalIgnoreCase)
        && (string.IsNullOrEmpty(contentType) || IsCsvMediaType(contentType)
            || contentType.StartsWith("application/vnd.ms-excel", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>A request body sent as is must say it is CSV: <c>text/csv</c>.</summary>
    public static bool IsCsvMediaType(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult NotCsv() => TypedResults.Problem(title: "Not a CSV file",
        detail: "Upload a .csv file (multipart/form-data) or send the file itself with Content-Type: text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static ProblemHttpResult UnknownKind(string kind) =>
        TypedResults.Problem(title: "Unknown kind", detail: $"'{kind}' is not one of providers, solutions, projects, contacts.", statusCode: StatusCodes.Status400BadRequest);
}
