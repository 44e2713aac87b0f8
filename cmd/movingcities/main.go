// Command movingcities runs and maintains Moving Cities Open Data: the
// HTTP service, imports, validation, exports and synthetic test data.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopProfile := cpuProfile(os.Getenv("MOVINGCITIES_CPUPROFILE"))
	code := run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	stopProfile()
	os.Exit(code)
}

// cpuProfile starts a CPU profile written to path (the benchmarks of
// issue 18 profile import and start-up this way) and returns what stops
// it; with no path, it does nothing.
func cpuProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "movingcities: cpu profile: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "movingcities: cpu profile: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "movingcities: cpu profile: %v\n", err)
		}
	}
}

// env is the outside world a command sees; tests give their own.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	// ready, when set, receives the address the server listens on.
	ready func(addr string)
	// metricsReady, when set, receives the address /metrics is served on
	// when --metrics-addr is given.
	metricsReady func(addr string)
}

type command struct {
	name, args, help string
	run              func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "[flags]", "serve the dataset over HTTP (loads the seed into an empty database)", runServe},
		{"import", "[flags] FILE...", "import JSON or CSV files as one all-or-nothing change", runImport},
		{"validate", "[flags] FILE...", "check files as an import would, without changing anything", runValidate},
		{"sync", "cms --url URL [--token T] [--dry-run]", "bring the dataset up to date with the platform's CMS as one all-or-nothing change", runSync},
		{"keys", "create|list|revoke", "manage editors' API keys (create --name N --role editor|admin; revoke NAME)", runKeys},
		{"export", "--format F --out PATH", "write the dataset in a format", runExport},
		{"dump", "--out DIR", "make a dump release (Parquet, CSV, RDF, GeoJSON…) unless nothing changed", runDump},
		{"migrate", "--from DB --to DB", "copy a dataset with its revisions and retired IDs into an empty database (sqlite://… to postgres://…)", runMigrate},
		{"gen", "--municipalities N --seed S", "write a deterministic synthetic dataset (JSON) for tests and benchmarks", runGen},
		{"wikidata", "mixnmatch|quickstatements", "write the Mix'n'match catalogue or QuickStatements for Wikidata (--property P…, --out PATH)", runWikidata},
		{"openapi", "", "print the OpenAPI document (the committed openapi.yaml)", runOpenAPI},
		{"version", "", "print the version", func(_ context.Context, e env, _ []string) error {
			fmt.Fprintln(e.stdout, "movingcities", version)
			return nil
		}},
	}
}

func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		if err := c.run(ctx, e, args[1:]); err != nil {
			if err == errUsage {
				return 2
			}
			fmt.Fprintf(e.stderr, "movingcities %s: %v\n", c.name, err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(e.stderr, "movingcities: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: movingcities COMMAND [ARGS]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %-28s %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "\nRun 'movingcities COMMAND -h' for a command's flags.")
}
