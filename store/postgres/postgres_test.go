package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/postgres/pgtest"
	"github.com/moving-cities/opendata/store/storetest"
)

func freshURL(t testing.TB) string { return pgtest.FreshURL(t) }

func openFresh(t *testing.T, now func() time.Time) store.Store {
	t.Helper()
	db, err := Open(context.Background(), freshURL(t))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = now
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) { storetest.Run(t, openFresh) }
