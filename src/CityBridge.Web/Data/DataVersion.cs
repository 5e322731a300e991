namespace CityBridge.Web.Data;

/// <summary>
/// Counters shared by every instance, one row each. <see cref="DirectoryId"/>: raised by every save of an editable
/// record in the same transaction, so a cache of directory results keyed on it is never served after an edit, on any
/// instance (see <see cref="Features.Shared.DirectoryCache"/>). <see cref="MatchesId"/>: the change-feed position
/// through which every stored match list is current (see <see cref="Features.Matching.MatchingEngine"/>).
/// </summary>
public sealed class DataVersion
{
    public const int DirectoryId = 1;

    public const int MatchesId = 2;

    public int Id { get; set; }

    public long Value { get; set; }
}
