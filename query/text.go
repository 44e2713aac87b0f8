package query

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/moving-cities/opendata/dataset"
)

// Full-text search: every text of a collection's records other than
// their names (summaries, descriptions, titles, definitions, the labels
// of an approach's categories, source titles and notes) in a bleve index
// held in memory, built once per snapshot. Names keep their own index
// (search.go), which ranks first; this one finds the records whose texts
// hold the words and ranks them by bleve's score.

// textField is one text of a record that full-text search reads: what
// it is (Field: "summary", "source_note"…), its language (a platform
// language, or "" for any other) and its values.
type textField struct {
	Field  string
	Lang   string
	Values []string
}

// fieldBoost weighs matches by field: a record whose title holds the
// words ranks above one whose sources mention them. Fields not listed
// weigh 1.
var fieldBoost = map[string]float64{
	"title": 2, "labels": 2,
	"categories": 0.5, "source_title": 0.5, "source_note": 0.5,
}

// indexField is the name of the index field of a text in lang.
func indexField(field, lang string) string {
	if lang == "" {
		return field
	}
	return field + "_" + lang
}

// textIndex is the full-text index of one collection in one snapshot.
// It is closed when its snapshot is no longer served; a closed index
// answers nothing, and its callers fall back to the name index.
type textIndex struct {
	mu     sync.RWMutex
	idx    bleve.Index // nil once closed
	im     *mapping.IndexMappingImpl
	byID   map[string]int32
	docs   func(i int) []textField
	fields []string             // index field names, sorted
	of     map[string]textField // by index field name: field and language
	count  int                  // documents indexed
}

// textBatchSize bounds a bleve batch: each batch becomes one in-memory
// segment that every search visits, so few large ones are best, but one
// batch holds all its documents' analysis at once.
const textBatchSize = 25_000

// buildTextIndex indexes the texts of the n items of a collection.
func buildTextIndex(ctx context.Context, ids []string, byID map[string]int32, docs func(i int) []textField) (*textIndex, error) {
	t := &textIndex{byID: byID, docs: docs, of: map[string]textField{}}
	for i := range ids {
		for _, f := range docs(i) {
			name := indexField(f.Field, f.Lang)
			if _, ok := t.of[name]; !ok {
				t.of[name] = textField{Field: f.Field, Lang: f.Lang}
				t.fields = append(t.fields, name)
			}
		}
	}
	slices.Sort(t.fields)
	im := mapping.NewIndexMapping()
	for _, l := range append([]string{""}, dataset.Languages...) {
		if err := im.AddCustomAnalyzer(analyzerName(l), map[string]interface{}{"type": textAnalyzerType, "lang": l}); err != nil {
			return nil, fmt.Errorf("define the text analysis of %q: %w", l, err)
		}
	}
	dm := mapping.NewDocumentStaticMapping()
	for _, name := range t.fields {
		fm := mapping.NewTextFieldMapping()
		fm.Analyzer = analyzerName(t.of[name].Lang)
		fm.Store, fm.IncludeInAll, fm.DocValues = false, false, false
		fm.IncludeTermVectors = true // term positions, for the snippets
		dm.AddFieldMappingsAt(name, fm)
	}
	im.DefaultMapping = dm
	im.DefaultAnalyzer = analyzerName("")
	im.IndexDynamic, im.StoreDynamic, im.DocValuesDynamic = false, false, false
	t.im = im
	// An empty path keeps a scorch index in memory, without the
	// persisting and merging goroutines of an index on disk.
	idx, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create the text index: %w", err)
	}
	b := idx.NewBatch()
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("index texts: %w", err)
		}
		b.Reset()
		return nil
	}
	for i, id := range ids {
		fs := docs(i)
		if len(fs) == 0 {
			continue
		}
		doc := make(map[string]interface{}, len(fs))
		for _, f := range fs {
			doc[indexField(f.Field, f.Lang)] = f.Values
		}
		if err := b.Index(id, doc); err != nil {
			_ = idx.Close()
			return nil, fmt.Errorf("index the texts of %s: %w", id, err)
		}
		t.count++
		if b.Size() >= textBatchSize {
			if err := ctx.Err(); err != nil {
				_ = idx.Close()
				return nil, err
			}
			if err := flush(); err != nil {
				_ = idx.Close()
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		_ = idx.Close()
		return nil, err
	}
	t.idx = idx
	return t, nil
}

// close releases the index; searches after it find nothing.
func (t *textIndex) close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.idx != nil {
		_ = t.idx.Close()
		t.idx = nil
	}
}

// query makes the bleve query of q: in some field, every word of q
// (after that field's stop words) as its stem or as written. The words
// are analysed per field, with the field's language.
func (t *textIndex) query(q string) bq.Query {
	streams := map[string]analysis.TokenStream{}
	var fieldQs []bq.Query
	for _, name := range t.fields {
		an := analyzerName(t.of[name].Lang)
		ts, ok := streams[an]
		if !ok {
			if a := t.im.AnalyzerNamed(an); a != nil {
				ts = a.Analyze([]byte(q))
			}
			streams[an] = ts
		}
		if len(ts) == 0 {
			continue
		}
		var words, forms []bq.Query
		pos := ts[0].Position
		flush := func() {
			if len(forms) == 1 {
				words = append(words, forms[0])
			} else {
				words = append(words, bleve.NewDisjunctionQuery(forms...))
			}
			forms = nil
		}
		for _, tok := range ts {
			if tok.Position != pos {
				flush()
				pos = tok.Position
			}
			tq := bleve.NewTermQuery(string(tok.Term))
			tq.SetField(name)
			forms = append(forms, tq)
		}
		flush()
		var fq bq.Query = words[0]
		if len(words) > 1 {
			fq = bleve.NewConjunctionQuery(words...)
		}
		if boost, ok := fieldBoost[t.of[name].Field]; ok {
			fq.(bq.BoostableQuery).SetBoost(boost)
		}
		fieldQs = append(fieldQs, fq)
	}
	if len(fieldQs) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(fieldQs...)
}

// textMatches are the items whose texts match a query, sorted, with
// their scores.
type textMatches struct {
	items  []int32
	scores []float64
}

func (m *textMatches) score(i int32) (float64, bool) {
	if m == nil {
		return 0, false
	}
	j, ok := slices.BinarySearch(m.items, i)
	if !ok {
		return 0, false
	}
	return m.scores[j], true
}

// match returns the items whose texts match q; ok is false when the
// index is closed or failed to answer.
func (t *textIndex) match(ctx context.Context, q string) (m *textMatches, ok bool) {
	bqq := t.query(q)
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.idx == nil {
		return nil, false
	}
	m = &textMatches{}
	if bqq == nil || t.count == 0 {
		return m, true
	}
	req := bleve.NewSearchRequestOptions(bqq, t.count, 0, false)
	res, err := t.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, false
	}
	type hit struct {
		item  int32
		score float64
	}
	hits := make([]hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		if i, ok := t.byID[h.ID]; ok {
			hits = append(hits, hit{i, h.Score})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return int(a.item) - int(b.item) })
	m.items, m.scores = make([]int32, len(hits)), make([]float64, len(hits))
	for j, h := range hits {
		m.items[j], m.scores[j] = h.item, h.score
	}
	return m, true
}

// Snippet is a passage of a record's text that a search matched, cut
// around the first matching words, as plain text parts of which the
// matching words are marked.
type Snippet struct {
	// Field says which text it is: "summary", "title", "description",
	// "definitions", "labels", "categories" (an approach's categories),
	// "source_title" or "source_note".
	Field string
	// Lang is the text's language, "" when it has none of ours.
	Lang string
	// Parts are the passage in order; Hit marks the matched words.
	Parts []SnippetPart
}

// SnippetPart is a run of a snippet's text.
type SnippetPart struct {
	Text string
	Hit  bool
}

// snippetWidth is about how many bytes of text a snippet shows.
const snippetWidth = 180

// snippets returns a snippet for each of ids whose texts match q,
// preferring the text in lang, then English, then any other.
func (t *textIndex) snippets(ctx context.Context, q string, ids []string, lang string) map[string]Snippet {
	bqq := t.query(q)
	if bqq == nil || len(ids) == 0 {
		return nil
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.idx == nil {
		return nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bqq, bleve.NewDocIDQuery(ids)), len(ids), 0, false)
	req.IncludeLocations = true
	res, err := t.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil
	}
	out := map[string]Snippet{}
	for _, h := range res.Hits {
		i, ok := t.byID[h.ID]
		if !ok || len(h.Locations) == 0 {
			continue
		}
		name := t.bestField(h.Locations, lang)
		// The element of the field with the most matched words.
		spansBy := map[int][][2]int{}
		for _, locs := range h.Locations[name] {
			for _, l := range locs {
				k := 0
				if len(l.ArrayPositions) > 0 {
					k = int(l.ArrayPositions[0])
				}
				spansBy[k] = append(spansBy[k], [2]int{int(l.Start), int(l.End)})
			}
		}
		best := -1
		for k, spans := range spansBy {
			if best < 0 || len(spans) > len(spansBy[best]) || (len(spans) == len(spansBy[best]) && k < best) {
				best = k
			}
		}
		text, ok := t.value(int(i), name, best)
		if !ok {
			continue
		}
		f := t.of[name]
		out[h.ID] = Snippet{Field: f.Field, Lang: f.Lang, Parts: cutSnippet(text, spansBy[best], snippetWidth)}
	}
	return out
}

// bestField picks the field a snippet is cut from: the weightiest, in
// lang before English before the others, then by name.
func (t *textIndex) bestField(locs bsearch.FieldTermLocationMap, lang string) string {
	langRank := func(l string) int {
		switch l {
		case lang:
			return 0
		case "en":
			return 1
		}
		return 2
	}
	weight := func(name string) float64 {
		if b, ok := fieldBoost[t.of[name].Field]; ok {
			return b
		}
		return 1
	}
	var names []string
	for name := range locs {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		if wa, wb := weight(a), weight(b); wa != wb {
			if wa > wb {
				return -1
			}
			return 1
		}
		if ra, rb := langRank(t.of[a].Lang), langRank(t.of[b].Lang); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return names[0]
}

// value returns element k of index field name of item i.
func (t *textIndex) value(i int, name string, k int) (string, bool) {
	for _, f := range t.docs(i) {
		if indexField(f.Field, f.Lang) == name && k < len(f.Values) {
			return f.Values[k], true
		}
	}
	return "", false
}

// cutSnippet cuts a passage of about width bytes out of text around the
// first of the spans (byte ranges of matched words), at word boundaries,
// with "…" where text was cut.
func cutSnippet(text string, spans [][2]int, width int) []SnippetPart {
	sort.Slice(spans, func(a, b int) bool { return spans[a][0] < spans[b][0] })
	start, end := 0, len(text)
	if len(text) > width && len(spans) > 0 {
		start = max(0, spans[0][0]-width/3)
		end = min(len(text), start+width)
		if end-start < width {
			start = max(0, end-width)
		}
		if start > 0 {
			if sp := strings.IndexByte(text[start:spans[0][0]], ' '); sp >= 0 {
				start += sp + 1
			} else {
				start = spans[0][0]
			}
		}
		if end < len(text) {
			if sp := strings.LastIndexByte(text[start:end], ' '); sp > 0 && start+sp >= spans[0][1] {
				end = start + sp
			}
		}
		for start < len(text) && !utf8.RuneStart(text[start]) {
			start++
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
	}
	var parts []SnippetPart
	add := func(s string, hit bool) {
		if s == "" {
			return
		}
		if n := len(parts); n > 0 && parts[n-1].Hit == hit {
			parts[n-1].Text += s
			return
		}
		parts = append(parts, SnippetPart{Text: s, Hit: hit})
	}
	if start > 0 {
		add("…", false)
	}
	at := start
	for _, sp := range spans {
		s, e := max(sp[0], at), min(sp[1], end)
		if s >= e {
			continue
		}
		add(text[at:s], false)
		add(text[s:e], true)
		at = e
	}
	add(text[at:end], false)
	if end < len(text) {
		add("…", false)
	}
	return parts
}
