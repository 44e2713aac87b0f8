package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/moving-cities/opendata/auth"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
	"github.com/moving-cities/opendata/store/sqlite"
)

// runKeys manages the editors' API keys (issue 13): create prints a new
// key once, list shows names, roles and dates (never keys or hashes),
// revoke ends a key for good.
func runKeys(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "usage: movingcities keys create --name NAME [--role editor|admin] | list | revoke NAME")
		return errUsage
	}
	sub, args := args[0], args[1:]
	var s settings
	fs, err := newFlags("keys "+sub, e, &s, "db")
	if err != nil {
		return err
	}
	var name, role *string
	switch sub {
	case "create":
		name = fs.String("name", "", "the key's name: who uses it (author of the revisions it makes; never reused)")
		role = fs.String("role", auth.RoleEditor, "editor (writes records) or admin (also renames and deletes)")
	case "list", "revoke":
	default:
		fmt.Fprintf(e.stderr, "movingcities keys: unknown subcommand %q (create, list, revoke)\n", sub)
		return errUsage
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	kind, file := backend.Parse(s.db)
	if kind != backend.SQLite {
		return fmt.Errorf("keys: %s: API keys are kept in SQLite databases only so far", backend.Redact(s.db))
	}
	db, err := sqlite.Open(ctx, file)
	if err != nil {
		return err
	}
	defer db.Close()
	switch sub {
	case "create":
		return createKey(ctx, e, fs, db, *name, *role)
	case "list":
		return listKeys(ctx, e, db)
	default:
		if fs.NArg() != 1 {
			return errors.New("give the name of the key to revoke")
		}
		if err := db.RevokeKey(ctx, fs.Arg(0), time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "revoked key %s\n", fs.Arg(0))
		return nil
	}
}

func createKey(ctx context.Context, e env, fs *flag.FlagSet, keys store.Keys, name, role string) error {
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q (use --name and --role)", fs.Args())
	}
	k, key, err := auth.NewKey(name, role, time.Now())
	if err != nil {
		return err
	}
	if err := keys.CreateKey(ctx, k); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "created %s key %q; it is shown once, now, and cannot be recovered:\n", k.Role, k.Name)
	fmt.Fprintln(e.stdout, key)
	return nil
}

func listKeys(ctx context.Context, e env, keys store.Keys) error {
	list, err := keys.ListKeys(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tROLE\tCREATED\tREVOKED")
	for _, k := range list {
		revoked := "-"
		if !k.Revoked.IsZero() {
			revoked = k.Revoked.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", k.Name, k.Role, k.Created.UTC().Format(time.RFC3339), revoked)
	}
	return w.Flush()
}
