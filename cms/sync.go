package cms

import (
	"context"
	"fmt"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store"
)

// Sync reads the CMS, maps it over cur and imports the result as one
// revision through ingest.ImportRestoring: all or nothing, nothing on a
// dry run, no revision when nothing changed. An entry that comes back
// after its record was retired restores that record under its old ID. Any unusable answer stops it before
// the store is touched.
func Sync(ctx context.Context, c *Client, st store.Store, cur *dataset.Snapshot, dryRun bool) (ingest.Report, *dataset.Snapshot, error) {
	rep := ingest.Report{Revision: cur.Revision, DryRun: dryRun}
	content, err := c.Fetch(ctx)
	if err != nil {
		return rep, cur, fmt.Errorf("sync from %s, nothing changed: %w", c.Base, err)
	}
	incoming, err := content.Map(cur, c.Base)
	if err != nil {
		return rep, cur, fmt.Errorf("sync from %s, nothing changed: %w", c.Base, err)
	}
	rep, next, err := ingest.ImportRestoring(ctx, st, cur, incoming, dryRun)
	if err != nil {
		return rep, cur, fmt.Errorf("sync from %s, nothing changed: %w", c.Base, err)
	}
	return rep, next, nil
}
