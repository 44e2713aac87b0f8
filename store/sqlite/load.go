package sqlite

import (
	"database/sql"
	"fmt"
	"runtime"

	"github.com/moving-cities/opendata/dataset"
)

// loadChunkRows is how many record rows a decoding worker takes at a time:
// enough that handing chunks over costs little next to decoding them.
const loadChunkRows = 512

// rawRecord is one row of the records table, not yet decoded.
type rawRecord struct {
	typ, id, created, modified string
	doc                        []byte
}

// loadChunk is a run of consecutive rows and, once done is closed, the
// records they decode to (or the first row's error).
type loadChunk struct {
	rows []rawRecord
	d    dataset.Dataset
	err  error
	done chan struct{}
}

func (c *loadChunk) decode() {
	defer close(c.done)
	for _, r := range c.rows {
		var st dataset.Stamps
		var err error
		if st.Created, err = parseTime(r.created); err != nil {
			c.err = fmt.Errorf("load %s %s: created: %w", r.typ, r.id, err)
			return
		}
		if st.Modified, err = parseTime(r.modified); err != nil {
			c.err = fmt.Errorf("load %s %s: modified: %w", r.typ, r.id, err)
			return
		}
		if err := appendRecord(&c.d, dataset.Type(r.typ), r.doc, st); err != nil {
			c.err = fmt.Errorf("load %s %s: %w", r.typ, r.id, err)
			return
		}
	}
	c.rows = nil
}

// decodeRecords reads rows (type, id, doc, created, modified) into d, in
// row order. Decoding the JSON documents is most of a start-up's work at
// 100k municipalities (issue 18), so the rows are read on this goroutine
// and decoded in chunks by one worker per core; the chunks are appended
// in row order, so d is what decoding row after row would make, and the
// error is the one of the first bad row.
func decodeRecords(rows *sql.Rows, d *dataset.Dataset) error {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *loadChunk, workers)
	order := make(chan *loadChunk, 2*workers)
	for range workers {
		go func() {
			for c := range jobs {
				c.decode()
			}
		}()
	}
	merged := make(chan error, 1)
	go func() {
		var first error
		for c := range order {
			<-c.done
			if first == nil {
				first = c.err
			}
			if first == nil {
				appendDataset(d, &c.d)
			}
		}
		merged <- first
	}()

	scanErr := func() error {
		defer close(jobs)
		defer close(order)
		c := &loadChunk{done: make(chan struct{})}
		send := func() {
			order <- c
			jobs <- c
			c = &loadChunk{done: make(chan struct{})}
		}
		for rows.Next() {
			var r rawRecord
			if err := rows.Scan(&r.typ, &r.id, &r.doc, &r.created, &r.modified); err != nil {
				return fmt.Errorf("load records: %w", err)
			}
			c.rows = append(c.rows, r)
			if len(c.rows) == loadChunkRows {
				send()
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("load records: %w", err)
		}
		if len(c.rows) > 0 {
			send()
		}
		return nil
	}()
	// A bad row read before the scan failed is the error decoding row
	// after row would have met first.
	if err := <-merged; err != nil {
		return err
	}
	return scanErr
}

// appendDataset appends src's records to dst's, type by type.
func appendDataset(dst, src *dataset.Dataset) {
	dst.Countries = append(dst.Countries, src.Countries...)
	dst.Categories = append(dst.Categories, src.Categories...)
	dst.Networks = append(dst.Networks, src.Networks...)
	dst.Municipalities = append(dst.Municipalities, src.Municipalities...)
	dst.Memberships = append(dst.Memberships, src.Memberships...)
	dst.Approaches = append(dst.Approaches, src.Approaches...)
	dst.Retired = append(dst.Retired, src.Retired...)
}
