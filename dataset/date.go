package dataset

import (
	"encoding/json"
	"fmt"
	"time"
)

// Precision says how much of a PartialDate is known.
type Precision int

const (
	PrecisionYear Precision = iota + 1
	PrecisionMonth
	PrecisionDay
)

func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "none"
}

// PartialDate is a calendar date known to the year, the month or the day:
// "2018", "2018-07" or "2018-07-15". Researchers study when cities joined a
// network, and sources often give only a year; storing a made-up day would
// publish precision we do not have. The zero value means "unknown".
type PartialDate struct {
	Year      int
	Month     int // 0 when unknown
	Day       int // 0 when unknown
	Precision Precision
}

// ParsePartialDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func ParsePartialDate(s string) (PartialDate, error) {
	for _, f := range []struct {
		layout string
		p      Precision
	}{{"2006", PrecisionYear}, {"2006-01", PrecisionMonth}, {"2006-01-02", PrecisionDay}} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			break
		}
		d := PartialDate{Year: t.Year(), Precision: f.p}
		if f.p >= PrecisionMonth {
			d.Month = int(t.Month())
		}
		if f.p == PrecisionDay {
			d.Day = t.Day()
		}
		return d, nil
	}
	return PartialDate{}, fmt.Errorf("%q is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// IsZero reports whether the date is unknown.
func (d PartialDate) IsZero() bool { return d.Precision == 0 }

// String formats the date with its precision; "" when unknown.
func (d PartialDate) String() string {
	switch d.Precision {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Start is the first day the date covers ("2018" → 2018-01-01).
func (d PartialDate) Start() time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Before reports whether every day of d is before every day of e.
func (d PartialDate) Before(e PartialDate) bool {
	return !d.end().After(e.Start())
}

// end is the first day after the period d covers.
func (d PartialDate) end() time.Time {
	s := d.Start()
	switch d.Precision {
	case PrecisionYear:
		return s.AddDate(1, 0, 0)
	case PrecisionMonth:
		return s.AddDate(0, 1, 0)
	}
	return s.AddDate(0, 0, 1)
}

func (d PartialDate) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

func (d *PartialDate) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = PartialDate{}
		return nil
	}
	s, ok := plainString(b)
	if !ok {
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("date must be a string: %w", err)
		}
	}
	if s == "" {
		*d = PartialDate{}
		return nil
	}
	p, err := ParsePartialDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// plainString returns the text of b when b is a JSON string of printable
// ASCII without escapes, which decodes to its bytes between the quotes;
// ok is false for anything else, left to encoding/json. Every stored
// date is such a string, and decoding them with encoding/json was a
// twentieth of start-up at 100k municipalities (issue 18).
func plainString(b []byte) (s string, ok bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return "", false
	}
	for _, c := range b[1 : len(b)-1] {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return "", false
		}
	}
	return string(b[1 : len(b)-1]), true
}
