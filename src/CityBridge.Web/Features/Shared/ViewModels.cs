namespace CityBridge.Web.Features.Shared;

/// <summary>The sector checkboxes of a form.</summary>
public sealed record SectorPickerModel(string FieldName, IReadOnlyCollection<string> Selected, string Legend = "Sectors", string? Error = null);

/// <summary>Previous/next links that keep the list's filters.</summary>
public sealed record PagerModel(DirectoryFilter Filter, int Page, int PageCount);

/// <summary>What the delete confirmation shows.</summary>
public sealed record DeleteConfirmationModel(string Noun, string Name, Guid Version, string? Problem, string BackUrl);
