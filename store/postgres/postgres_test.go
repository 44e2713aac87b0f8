package postgres

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/storetest"
)

// EnvURL names the environment variable holding the URL of a PostgreSQL
// server the tests may create databases on (.ci/run starts one).
const EnvURL = "MOVINGCITIES_TEST_PG"

// serverURL returns the test server's URL. Without one the tests skip on
// a developer's machine, but fail in CI: a PostgreSQL test that does not
// run there is a defect.
func serverURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvURL)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set in CI: .ci/run must start PostgreSQL", EnvURL)
		}
		t.Skipf("%s is not set (run .ci/run, or point it at a PostgreSQL server)", EnvURL)
	}
	return u
}

var dbSeq atomic.Int64

// freshURL creates an empty database for one test and drops it after.
func freshURL(t testing.TB) string {
	t.Helper()
	base := serverURL(t)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("mc_test_%d_%d", os.Getpid(), dbSeq.Add(1))
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	admin.Close(ctx)
	t.Cleanup(func() {
		admin, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Error(err)
			return
		}
		defer admin.Close(ctx)
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Error(err)
		}
	})
	return withDatabase(t, base, name)
}

// withDatabase returns base with its database name replaced.
func withDatabase(t testing.TB, base, name string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

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
