namespace CityBridge.Web.Data;

/// <summary>
/// A counter that every save of an editable record raises in the same transaction, so a cache of directory results
/// keyed on it is never served after an edit, on any instance (see <see cref="Features.Shared.DirectoryCache"/>).
/// </summary>
public sealed class DataVersion
{
    public const int DirectoryId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
