package importer

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/moving-cities/opendata/dataset"
)

// DecodeCSV decodes an RFC 4180 CSV file (UTF-8, optional byte order mark,
// header row) of municipalities or of memberships; the header says which
// (see docs/import-formats.md).
//
// A cell that is empty or only white space is "not given". Numbers, booleans
// and dates may be surrounded by white space; text is taken as written, so
// that dataset.Validate sees and reports padded names. Entries of
// |-separated lists are trimmed.
//
// Every cell that does not parse is reported, with its line and column, in
// one dataset.Problems (Field "line N, column X"): a curator fixes the file
// in one pass. DecodeCSV does not validate beyond parsing.
func DecodeCSV(r io.Reader) (*dataset.Dataset, error) {
	br := bufio.NewReader(r)
	// Spreadsheet programs write a UTF-8 byte order mark; it is not part of
	// the first column's name.
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		if _, err := br.Discard(len(bom)); err != nil {
			return nil, fmt.Errorf("read CSV: %w", err)
		}
	}
	cr := csv.NewReader(br)
	// Rows of the wrong width are reported by decodeRows, which then reads
	// on, so that one short row does not hide the problems after it.
	cr.FieldsPerRecord = -1
	first, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty file: a CSV import needs a header row")
	}
	if err != nil {
		return nil, fmt.Errorf("read CSV header: %w", err)
	}
	h, err := parseHeader(cr, first)
	if err != nil {
		return nil, err
	}
	return decodeRows(cr, h)
}

const bom = "\uFEFF"

// listSep separates the entries of a list cell (aliases, sources…).
const listSep = "|"

// csvForm is one of the two CSV forms: the record type, the columns it
// accepts and the ones that identify it.
type csvForm struct {
	typ     dataset.Type
	columns []string // fixed column names, in documentation order
	// family reports whether name is one of the form's column families
	// (name_<tag>, summary_<lang>).
	family func(name string) bool
	help   string // the accepted columns, for error messages
}

var municipalityColumns = []string{
	"id", "kind", "aliases", "country", "lat", "lon", "wikidata", "wikidata_candidates",
	"geonames", "lau", "nuts3", "osm_relation", "population", "population_year",
	"population_source", "featured", "website", "sources", "status",
}

var membershipColumns = []string{"id", "municipality", "network", "since", "until", "attested", "source_url", "source_note"}

func municipalityForm() csvForm {
	return csvForm{
		typ:     dataset.TypeMunicipality,
		columns: municipalityColumns,
		family: func(name string) bool {
			if tag, ok := strings.CutPrefix(name, "name_"); ok {
				return tag != ""
			}
			if lang, ok := strings.CutPrefix(name, "summary_"); ok {
				return dataset.IsPlatformLanguage(lang)
			}
			return false
		},
		help: "id, kind, name_en, name_<language tag>, aliases, country, lat, lon, wikidata, " +
			"wikidata_candidates, geonames, lau, nuts3, osm_relation, population, population_year, " +
			"population_source, featured, summary_<" + strings.Join(dataset.Languages, "|") +
			">, website, sources, status",
	}
}

func membershipForm() csvForm {
	return csvForm{
		typ:     dataset.TypeMembership,
		columns: membershipColumns,
		family:  func(string) bool { return false },
		help:    strings.Join(membershipColumns, ", "),
	}
}

// header is a parsed header row.
type header struct {
	form  csvForm
	names []string       // column names by position
	index map[string]int // position by column name
}

// parseHeader recognises the form by its identifying columns and reports
// every unknown, duplicate or unnamed column at once.
func parseHeader(cr *csv.Reader, cells []string) (*header, error) {
	h := &header{names: make([]string, len(cells)), index: make(map[string]int, len(cells))}
	for i, c := range cells {
		h.names[i] = strings.TrimSpace(c)
	}
	has := func(name string) bool {
		for _, n := range h.names {
			if n == name {
				return true
			}
		}
		return false
	}
	switch {
	case has("network") && has("municipality"):
		h.form = membershipForm()
	case has("id") && has("country") && has("name_en"):
		h.form = municipalityForm()
	default:
		line, _ := cr.FieldPos(0)
		return nil, fmt.Errorf("line %d: the header is neither a memberships header (it needs the columns network and municipality) "+
			"nor a municipalities header (it needs id, country and name_en); it has %s", line, quoteAll(h.names))
	}
	var ps dataset.Problems
	for i, name := range h.names {
		line, _ := cr.FieldPos(i)
		field := fmt.Sprintf("line %d, column %s", line, name)
		if name == "" || !utf8.ValidString(name) {
			field = fmt.Sprintf("line %d, column %d", line, i+1)
		}
		bad := func(format string, args ...any) {
			ps = append(ps, dataset.Problem{
				Type:    h.form.typ,
				Field:   field,
				Message: fmt.Sprintf(format, args...),
			})
		}
		_, dup := h.index[name]
		switch {
		case name == "":
			bad("the column has no name")
		case !utf8.ValidString(name):
			bad("the column name is not valid UTF-8")
		case dup:
			bad("column %q appears more than once", name)
		case !h.form.known(name):
			bad("unknown column %q (%s columns are: %s)", name, h.form.typ, h.form.help)
		}
		h.index[name] = i
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return h, nil
}

func (f csvForm) known(name string) bool {
	for _, c := range f.columns {
		if c == name {
			return true
		}
	}
	return f.family(name)
}

func quoteAll(names []string) string {
	if len(names) == 0 {
		return "no columns"
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return "the columns " + strings.Join(q, ", ")
}

// decodeRows reads the data rows after the header. A CSV syntax error ends
// reading (the reader cannot tell where the next row starts), but the
// problems found before it are still reported.
func decodeRows(cr *csv.Reader, h *header) (*dataset.Dataset, error) {
	d := &dataset.Dataset{}
	var ps dataset.Problems
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, fmt.Errorf("read CSV: %w", err)
			}
			ps = append(ps, dataset.Problem{
				Type:    h.form.typ,
				Field:   fmt.Sprintf("line %d", pe.Line),
				Message: fmt.Sprintf("CSV syntax: %v (character %d of the line); the rest of the file was not read", pe.Err, pe.Column),
			})
			break
		}
		rw := &row{cr: cr, h: h, rec: rec, ps: &ps}
		if len(rec) != len(h.names) {
			rw.id = rw.text("id")
			line, _ := cr.FieldPos(0)
			ps = append(ps, dataset.Problem{
				Type: h.form.typ, ID: rw.id, Field: fmt.Sprintf("line %d", line),
				Message: fmt.Sprintf("the row has %d cells, the header %d", len(rec), len(h.names)),
			})
			continue
		}
		rw.checkUTF8()
		switch h.form.typ {
		case dataset.TypeMunicipality:
			d.Municipalities = append(d.Municipalities, rw.municipality())
		case dataset.TypeMembership:
			d.Memberships = append(d.Memberships, rw.membership())
		}
		rw.flush()
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return d, nil
}

// row decodes the cells of one data row, recording every cell that does
// not parse.
type row struct {
	cr  *csv.Reader // for the position of the cells
	h   *header
	rec []string
	id  string // the record's ID, for problems
	ps  *dataset.Problems

	problems []cellProblem // of this row
}

func (rw *row) fail(col string, format string, args ...any) {
	i, ok := rw.h.index[col]
	if !ok || i >= len(rw.rec) {
		i = 0 // the column is absent: report the row's first line
	}
	line, _ := rw.cr.FieldPos(i)
	rw.problems = append(rw.problems, cellProblem{col: i, Problem: dataset.Problem{
		Type:    rw.h.form.typ,
		Field:   fmt.Sprintf("line %d, column %s", line, col),
		Message: fmt.Sprintf(format, args...),
	}})
}

// flush adds the row's problems to all problems in column order, which is
// how a curator reads the row, not the order the decoder checks cells in.
func (rw *row) flush() {
	slices.SortStableFunc(rw.problems, func(a, b cellProblem) int { return cmp.Compare(a.col, b.col) })
	for _, p := range rw.problems {
		p.ID = rw.id // known only once the row is decoded
		*rw.ps = append(*rw.ps, p.Problem)
	}
}

type cellProblem struct {
	col int
	dataset.Problem
}

// checkUTF8 reports and blanks cells that are not UTF-8, so that no invalid
// text reaches the dataset (JSON would silently rewrite it).
func (rw *row) checkUTF8() {
	for i, v := range rw.rec {
		if !utf8.ValidString(v) {
			rw.fail(rw.h.names[i], "not valid UTF-8 (save the file as UTF-8)")
			rw.rec[i] = ""
		}
	}
}

// text is the cell of col as written, or "" when the column is absent or
// the cell only white space.
func (rw *row) text(col string) string {
	i, ok := rw.h.index[col]
	if !ok || i >= len(rw.rec) || strings.TrimSpace(rw.rec[i]) == "" {
		return ""
	}
	return rw.rec[i]
}

// given reports whether the cell of col has a value.
func (rw *row) given(col string) bool { return rw.text(col) != "" }

// list splits a |-separated cell into its trimmed, non-empty entries.
func (rw *row) list(col string) []string {
	s := rw.text(col)
	if s == "" {
		return nil
	}
	var out []string
	for _, e := range strings.Split(s, listSep) {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// float parses a decimal number; ok is false when the cell is not given or
// does not parse (which is recorded).
func (rw *row) float(col string) (v float64, ok bool) {
	s := strings.TrimSpace(rw.text(col))
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	// ParseFloat accepts "NaN" and "Inf", which are no coordinates and
	// cannot be written as JSON.
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		hint := ""
		if strings.Contains(s, ",") {
			hint = " (write the decimal separator as a point)"
		}
		rw.fail(col, "%q is not a decimal number%s", s, hint)
		return 0, false
	}
	return v, true
}

func (rw *row) int64(col string) (v int64, ok bool) {
	s := strings.TrimSpace(rw.text(col))
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		rw.fail(col, "%q is not a whole number", s)
		return 0, false
	}
	return v, true
}

func (rw *row) int(col string) (v int, ok bool) {
	s := strings.TrimSpace(rw.text(col))
	if s == "" {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		rw.fail(col, "%q is not a whole number", s)
		return 0, false
	}
	return v, true
}

// bool parses true/false, 1/0, yes/no in any case; not given is false.
func (rw *row) bool(col string) bool {
	s := strings.TrimSpace(rw.text(col))
	switch strings.ToLower(s) {
	case "", "false", "0", "no":
		return false
	case "true", "1", "yes":
		return true
	}
	rw.fail(col, "%q is not a boolean (true/false, 1/0, yes/no)", s)
	return false
}

func (rw *row) date(col string) dataset.PartialDate {
	s := strings.TrimSpace(rw.text(col))
	if s == "" {
		return dataset.PartialDate{}
	}
	d, err := dataset.ParsePartialDate(s)
	if err != nil {
		rw.fail(col, "%v", err)
		return dataset.PartialDate{}
	}
	return d
}

func (rw *row) municipality() dataset.Municipality {
	rw.id = rw.text("id")
	m := dataset.Municipality{
		ID:                 rw.id,
		Kind:               dataset.MunicipalityKind(rw.text("kind")),
		Country:            rw.text("country"),
		Wikidata:           rw.text("wikidata"),
		WikidataCandidates: rw.list("wikidata_candidates"),
		GeoNames:           rw.text("geonames"),
		LAU:                rw.text("lau"),
		NUTS3:              rw.text("nuts3"),
		Featured:           rw.bool("featured"),
		Website:            rw.text("website"),
		Status:             dataset.MunicipalityStatus(rw.text("status")),
	}
	if m.Status == "" {
		m.Status = dataset.StatusActive
	}
	// Columns of the name_ and summary_ families, in header order.
	for _, col := range rw.h.names {
		v := rw.text(col)
		if v == "" {
			continue
		}
		if tag, ok := strings.CutPrefix(col, "name_"); ok {
			if m.Names == nil {
				m.Names = dataset.Names{}
			}
			m.Names[tag] = v
		} else if lang, ok := strings.CutPrefix(col, "summary_"); ok {
			if m.Summary == nil {
				m.Summary = dataset.Text{}
			}
			m.Summary[lang] = v
		}
	}
	for _, e := range rw.list("aliases") {
		lang, name, ok := strings.Cut(e, ":")
		lang, name = strings.TrimSpace(lang), strings.TrimSpace(name)
		if !ok || lang == "" || name == "" {
			rw.fail("aliases", "%q is not of the form lang:name (e.g. de:Danzig)", e)
			continue
		}
		m.Aliases = append(m.Aliases, dataset.Alias{Lang: lang, Name: name})
	}
	lat, latOK := rw.float("lat")
	lon, lonOK := rw.float("lon")
	switch {
	case latOK && lonOK:
		m.Coordinates = &dataset.Coordinates{Lat: lat, Lon: lon}
	case rw.given("lat") && !rw.given("lon"):
		rw.fail("lon", "missing: lat is given, and coordinates need both")
	case rw.given("lon") && !rw.given("lat"):
		rw.fail("lat", "missing: lon is given, and coordinates need both")
	}
	if v, ok := rw.int64("osm_relation"); ok {
		m.OSMRelation = v
	}
	pop, popOK := rw.int64("population")
	year, _ := rw.int("population_year") // a bad year is recorded; the population keeps year 0
	src := rw.text("population_source")
	switch {
	case popOK:
		m.Population = &dataset.Population{Value: pop, Year: year, Source: src}
	case !rw.given("population") && (rw.given("population_year") || src != ""):
		rw.fail("population", "missing: population_year or population_source is given without a population")
	}
	for _, u := range rw.list("sources") {
		m.Sources = append(m.Sources, dataset.Source{URL: u})
	}
	return m
}

func (rw *row) membership() dataset.Membership {
	mun, net := rw.text("municipality"), rw.text("network")
	rw.id = rw.text("id")
	if rw.id == "" && mun != "" && net != "" {
		rw.id = mun + "-" + net
	}
	ms := dataset.Membership{
		ID:           rw.id,
		Municipality: mun,
		Network:      net,
		Since:        rw.date("since"),
		Until:        rw.date("until"),
		Attested:     rw.date("attested"),
	}
	if u, note := rw.text("source_url"), rw.text("source_note"); u != "" || note != "" {
		ms.Source = &dataset.Source{URL: u, Note: note}
	}
	return ms
}
