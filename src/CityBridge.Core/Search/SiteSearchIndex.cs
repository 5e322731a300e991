using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CityBridge.Core.Search;

/// <summary>One searchable thing: a record of some kind, its title, its text and where a reader opens it.</summary>
public sealed record SearchEntry(string Kind, int Id, string Title, string Text, string Link);

/// <summary>A search result: which record, how well it matched, a short excerpt of its text and its link.</summary>
public sealed record SearchHit(string Kind, int Id, string Title, string Excerpt, string Link, float Score);

/// <summary>
/// The site-wide full-text index: an in-memory Lucene.Net index with English stemming, titles weighted above text.
/// Entries are replaced a whole kind at a time, so each source reloads on its own.
/// </summary>
public sealed class SiteSearchIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string KindField = "kind";
    private const string KeyField = "key";
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string TextField = "text";
    private const string LinkField = "link";
    private const int ExcerptLength = 200;

    private readonly RAMDirectory directory = new();
    private readonly Analyzer analyzer = new EnglishAnalyzer(Version);
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock gate = new();

    public SiteSearchIndex()
    {
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer));
        searchers = new SearcherManager(writer, true, null);
    }

    /// <summary>Replaces every entry of <paramref name="kind"/> with <paramref name="entries"/>, atomically for searchers.</summary>
    public void ReplaceKind(string kind, IEnumerable<SearchEntry> entries)
    {
        lock (gate)
        {
            writer.DeleteDocuments(new Term(KindField, kind));
            foreach (var entry in entries)
            {
                writer.AddDocument(new Document
                {
                    new StringField(KindField, kind, Field.Store.YES),
                    new StringField(KeyField, $"{kind}:{entry.Id}", Field.Store.NO),
                    new StoredField(IdField, entry.Id),
                    new TextField(TitleField, entry.Title, Field.Store.YES) { Boost = 3 },
                    new TextField(TextField, entry.Text, Field.Store.YES),
                    new StoredField(LinkField, entry.Link),
                });
            }

            writer.Commit();
            searchers.MaybeRefreshBlocking();
        }
    }

    public int Count
    {
        get
        {
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// The best-scoring entries for free text typed by a person; every word counts, the more the better, and a word
    /// typed as a prefix of a longer one ("cyber") still finds it. Returns nothing for blank text.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string? text, int max, Func<SearchHit, bool>? keep = null)
    {
        var query = Parse(text);
        if (query is null)
        {
            return [];
        }

        var searcher = searchers.Acquire();
        try
        {
            // Fetch more than asked: the caller's filter (who may see what) drops some.
            var top = searcher.Search(query, Math.Max(max * 5, 50));
            var hits = new List<SearchHit>();
            foreach (var scored in top.ScoreDocs)
            {
                var document = searcher.Doc(scored.Doc);
                // Stored fields are plain strings; the invariant culture only satisfies Lucene's culture-aware overload.
                var culture = CultureInfo.InvariantCulture;
                var hit = new SearchHit(document.Get(KindField, culture), document.GetField(IdField).GetInt32Value() ?? 0, document.Get(TitleField, culture), Excerpt(document.Get(TextField, culture)), document.Get(LinkField, culture), scored.Score);
                if (keep is null || keep(hit))
                {
                    hits.Add(hit);
                    if (hits.Count == max)
                    {
                        break;
                    }
                }
            }

            return hits;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private BooleanQuery? Parse(string? text)
    {
        var words = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(20).ToList();
        var combined = new BooleanQuery();
        foreach (var word in words)
        {
            var either = new BooleanQuery();
            foreach (var stem in Stems(word))
            {
                either.Add(new TermQuery(new Term(TitleField, stem)), Occur.SHOULD);
                either.Add(new TermQuery(new Term(TextField, stem)), Occur.SHOULD);
            }

            var lower = word.ToLowerInvariant();
            if (lower.Length >= 3 && lower.All(char.IsLetterOrDigit))
            {
                either.Add(new PrefixQuery(new Term(TitleField, lower)) { Boost = 0.5f }, Occur.SHOULD);
                either.Add(new PrefixQuery(new Term(TextField, lower)) { Boost = 0.5f }, Occur.SHOULD);
            }

            if (either.Clauses.Count > 0)
            {
                combined.Add(either, Occur.SHOULD);
            }
        }

        return combined.Clauses.Count == 0 ? null : combined;
    }

    private List<string> Stems(string word)
    {
        var stems = new List<string>();
        using var stream = analyzer.GetTokenStream(TextField, new StringReader(word));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return stems;
    }

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= ExcerptLength ? flat : flat[..ExcerptLength].TrimEnd() + "…";
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }
}
