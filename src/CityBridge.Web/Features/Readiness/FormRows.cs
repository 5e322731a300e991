namespace CityBridge.Web.Features.Readiness;

/// <summary>A readiness form whose lists grow by one blank row on request (the "Add a …" buttons, which need no JavaScript).</summary>
public interface IGrowingForm
{
    /// <summary>Adds one blank row to the list named <paramref name="list"/>; an unknown name adds nothing.</summary>
    void AddRow(string? list);
}

/// <summary>The row handling the readiness forms share: blank rows to type in, and skipping them on save.</summary>
public static class FormRows
{
    /// <summary>Grows <paramref name="rows"/> to <paramref name="count"/> with blank rows.</summary>
    public static void Pad<T>(List<T> rows, int count)
        where T : new()
    {
        while (rows.Count < count)
        {
            rows.Add(new T());
        }
    }

    /// <summary>The filled rows, remembering in <paramref name="map"/> which form row each came from.</summary>
    public static List<T> Keep<T>(List<T> rows, Func<T, bool> filled, string list, RowMap map)
    {
        var kept = new List<T>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (filled(rows[i]))
            {
                map.Add(list, i);
                kept.Add(rows[i]);
            }
        }

        return kept;
    }
}
