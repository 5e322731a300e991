using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CityBridge.Core.Matching;

/// <summary>A stemmed query term with the word as the project wrote it and how rare it is among providers.</summary>
public sealed record QueryTerm(string Stem, string Word, int DocumentFrequency);

/// <summary>
/// BM25 keyword relevance over provider texts, on an in-memory Lucene.Net index. Documents are keyed by the caller's
/// ordinal so scores land straight in the caller's arrays.
/// </summary>
public sealed class KeywordIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string TextField = "text";
    private const string KeyField = "key";
    private const string OrdinalField = "ordinal";

    /// <summary>Long texts are cut to their rarest terms: they carry the meaning, and the query stays fast.</summary>
    public const int MaxQueryTerms = 10;

    /// <summary>
    /// A term in more than this share of provider texts says little (its BM25 weight is small) but costs a scan of most of
    /// the index, so it is left out unless the text has fewer than <see cref="MinQueryTerms"/> rarer ones.
    /// </summary>
    public const double MaxDocumentShare = 0.1;

    public const int MinQueryTerms = 3;

    /// <summary>A term in this few documents is cheap whatever its share, so small indexes keep all their terms.</summary>
    public const int AlwaysCheapDocuments = 2_000;

    private readonly RAMDirectory directory = new();
    private readonly Analyzer analyzer = new EnglishAnalyzer(Version);
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly BM25Similarity similarity = new();
    private volatile bool dirty;

    public KeywordIndex()
    {
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = similarity, RAMBufferSizeMB = 64 });
        searchers = new SearcherManager(writer, true, null);
    }

    /// <summary>Adds or replaces the text of one ordinal.</summary>
    public void Upsert(int ordinal, string text)
    {
        var key = ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var document = new Document
        {
            new StringField(KeyField, key, Field.Store.NO),
            new TextField(TextField, text, Field.Store.NO),
            new NumericDocValuesField(OrdinalField, ordinal),
        };
        writer.UpdateDocument(new Term(KeyField, key), document);
        dirty = true;
    }

    public void Remove(int ordinal)
    {
        writer.DeleteDocuments(new Term(KeyField, ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        dirty = true;
    }

    /// <summary>The rarest distinct terms of a text that occur in the index, rarest first.</summary>
    public IReadOnlyList<QueryTerm> QueryTerms(string? text, int maxTerms = MaxQueryTerms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var searcher = Acquire();
        try
        {
            var documents = Math.Max(1, searcher.IndexReader.NumDocs);
            return Analyze(text)
                .Select(t => t with { DocumentFrequency = searcher.IndexReader.DocFreq(new Term(TextField, t.Stem)) })
                .Where(t => t.DocumentFrequency > 0)
                .OrderBy(t => t.DocumentFrequency)
                .ThenBy(t => t.Stem, StringComparer.Ordinal)
                .Where((t, rank) => rank < MinQueryTerms || t.DocumentFrequency <= Math.Max(documents * MaxDocumentShare, AlwaysCheapDocuments))
                .Take(maxTerms)
                .ToList();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Writes each matching ordinal's BM25 score into <paramref name="scores"/> and returns the highest score.</summary>
    /// <remarks><paramref name="scores"/> must be zero where the caller reads; touched ordinals are added to <paramref name="touched"/> so it can reset them cheaply.</remarks>
    public float Score(IReadOnlyList<QueryTerm> terms, float[] scores, List<int> touched)
    {
        if (terms.Count == 0)
        {
            return 0;
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(TextField, term.Stem)), Occur.SHOULD);
        }

        var searcher = Acquire();
        try
        {
            var collector = new ScoreIntoArray(scores, touched);
            searcher.Search(query, collector);
            return collector.Max;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The stems of a text, for explaining which words two texts share.</summary>
    public HashSet<string> Stems(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Analyze(text).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every distinct word of a text as the analyzer keeps it (stop words dropped), in the order written.</summary>
    public IReadOnlyList<QueryTerm> Words(string? text) => string.IsNullOrWhiteSpace(text) ? [] : Analyze(text);

    private List<QueryTerm> Analyze(string text)
    {
        var terms = new Dictionary<string, QueryTerm>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(TextField, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var stem = term.ToString();
            terms.TryAdd(stem, new QueryTerm(stem, text[offset.StartOffset..offset.EndOffset].ToLowerInvariant(), 0));
        }

        stream.End();
        return [.. terms.Values];
    }

    private IndexSearcher Acquire()
    {
        if (dirty)
        {
            lock (searchers)
            {
                if (dirty)
                {
                    // The flag is cleared only once the refresh is done: a reader that sees it clear must find the new searcher.
                    searchers.MaybeRefreshBlocking();
                    dirty = false;
                }
            }
        }

        var searcher = searchers.Acquire();
        searcher.Similarity = similarity;
        return searcher;
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }

    private sealed class ScoreIntoArray(float[] scores, List<int> touched) : ICollector
    {
        private Scorer? scorer;
        private NumericDocValues? ordinals;

        public float Max { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => this.scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => ordinals = context.AtomicReader.GetNumericDocValues(OrdinalField);

        public void Collect(int doc)
        {
            var ordinal = (int)ordinals!.Get(doc);
            var score = scorer!.GetScore();
            scores[ordinal] = score;
            touched.Add(ordinal);
            Max = Math.Max(Max, score);
        }
    }
}
