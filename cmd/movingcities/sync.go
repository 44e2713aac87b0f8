package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/moving-cities/opendata/cms"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
)

// cmsTokenEnv holds the CMS's API token for `sync cms` and the server's
// scheduled sync. It is read from the environment only, never given a
// flag default: flag defaults are printed by -h.
const cmsTokenEnv = "MOVINGCITIES_CMS_TOKEN"

// runSync brings the dataset up to date with an upstream source; the
// platform's CMS is the one there is.
func runSync(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "cms" {
		return errors.New(`want "sync cms --url URL"`)
	}
	var s settings
	fs, err := newFlags("sync cms", e, &s, "db")
	if err != nil {
		return err
	}
	cmsURL := fs.String("url", "", "the CMS's address (Strapi v4; its REST API is under /api)")
	token := fs.String("token", "", "Strapi API token, sent as a bearer token (default: env "+cmsTokenEnv+", which keeps it out of process listings)")
	dryRun := fs.Bool("dry-run", false, "print what would change and change nothing")
	timeout := fs.Duration("timeout", time.Minute, "time one request to the CMS may take")
	author := fs.String("author", "", "who makes the sync, recorded in the revision history (default: the OS user, else "+defaultAuthor+")")
	message := fs.String("message", "", `why, recorded in the revision history (default: "sync from" and the CMS's address)`)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if err := checkCMSURL(*cmsURL); err != nil {
		return fmt.Errorf("--url: %w", err)
	}
	if *token == "" {
		*token = e.getenv(cmsTokenEnv)
	}
	meta := importMeta(*author, *message, nil)
	if *message == "" {
		meta.Message = "sync from " + *cmsURL
	}
	db, err := backend.Open(ctx, s.db)
	if err != nil {
		return err
	}
	defer db.Close()
	// An empty database is given the seed first, as for an import; a dry
	// run lays the CMS over the seed in memory instead, writing nothing.
	seed := dataset.Seed
	if *dryRun {
		seed = nil
	}
	cur, err := ingest.Open(ctx, db, seed, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	if *dryRun && cur.Revision == 0 && cur.Dataset().Len() == 0 {
		d, err := dataset.Seed()
		if err != nil {
			return err
		}
		cur = dataset.NewSnapshot(d, 0)
	}
	var st store.Store = db
	if h, ok := db.(store.History); ok {
		st = withMeta{Store: db, history: h, meta: meta}
	}
	client := &cms.Client{Base: *cmsURL, Token: *token, HTTP: &http.Client{Timeout: *timeout}}
	rep, _, err := cms.Sync(ctx, client, st, cur, *dryRun)
	if err != nil {
		return err
	}
	if len(rep.Changes) == 0 {
		fmt.Fprintf(e.stdout, "no changes (revision %d)\n", rep.Revision)
		return nil
	}
	printReport(e.stdout, rep)
	if rep.DryRun {
		// The field changes, after the summary so that the list of
		// records reads as an import's does.
		for _, c := range rep.Changes {
			if lines := cms.FieldDiff(cur, c); len(lines) > 0 {
				fmt.Fprintf(e.stdout, "%s %s:\n", c.Type, c.ID)
				for _, l := range lines {
					fmt.Fprintf(e.stdout, "  %s\n", l)
				}
			}
		}
	}
	return nil
}

// checkCMSURL refuses what cannot be a CMS's address: the API paths and
// the token are added to it, never given in it.
func checkCMSURL(s string) error {
	if err := dataset.CheckURL(s); err != nil {
		return err
	}
	if u, _ := url.Parse(s); u.RawQuery != "" || u.User != nil {
		return errors.New("give the CMS's address without query or credentials (the token has a flag of its own)")
	}
	return nil
}
