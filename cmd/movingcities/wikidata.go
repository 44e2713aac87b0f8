package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/reconcile"
)

// runWikidata writes the exports for Wikidata's tools:
//
//	movingcities wikidata mixnmatch --out F
//	movingcities wikidata quickstatements --property P1234 [--retrieved 2026-11-26] --out F
func runWikidata(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || (args[0] != "mixnmatch" && args[0] != "quickstatements") {
		fmt.Fprintln(e.stderr, "usage: movingcities wikidata mixnmatch --out PATH\n"+
			"       movingcities wikidata quickstatements --property P… [--retrieved YYYY-MM-DD] --out PATH")
		return errUsage
	}
	sub := args[0]
	var s settings
	fs, err := newFlags("wikidata "+sub, e, &s, "db", "base-uri")
	if err != nil {
		return err
	}
	out := fs.String("out", "", "output file ('-' for standard output)")
	var property, retrieved *string
	if sub == "quickstatements" {
		property = fs.String("property", "", "Wikidata property that holds Moving Cities municipality IDs (P…)")
		retrieved = fs.String("retrieved", "", "retrieval date the references give, YYYY-MM-DD (default today, UTC)")
	}
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out is required")
	}
	svc := reconcile.Service{BaseURI: s.base(), Version: version} // exports need no endpoints
	var write func(io.Writer, *dataset.Snapshot) error
	switch sub {
	case "mixnmatch":
		write = func(w io.Writer, snap *dataset.Snapshot) error { return reconcile.WriteMixnMatch(w, snap, svc) }
	case "quickstatements":
		if !reconcile.IsPropertyID(*property) {
			return fmt.Errorf("--property %q is not a Wikidata property ID (P followed by digits)", *property)
		}
		day := time.Now().UTC()
		if *retrieved != "" {
			d, err := time.Parse(time.DateOnly, *retrieved)
			if err != nil {
				return fmt.Errorf("--retrieved %q is not a date (YYYY-MM-DD)", *retrieved)
			}
			day = d
		}
		opt := reconcile.QuickStatements{Property: *property, Retrieved: day}
		write = func(w io.Writer, snap *dataset.Snapshot) error {
			return reconcile.WriteQuickStatements(w, snap, svc, opt)
		}
	}
	snap, err := loadReadOnly(ctx, s.db, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	if *out == "-" {
		return write(e.stdout, snap)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(w, snap) })
}
