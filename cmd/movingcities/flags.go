package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// errUsage means the flags were wrong; the flag package has said why.
var errUsage = errors.New("usage")

// settings are the flags shared by commands, each with the environment
// variable that sets its default. Operators and scripts rely on these names.
type settings struct {
	addr, db, baseURI, dumpsDir string
}

type setting struct {
	flag, envVar, def, help string
	dst                     func(*settings) *string
}

var settingTable = []setting{
	{"addr", "MOVINGCITIES_ADDR", "127.0.0.1:8080", "address to listen on", func(s *settings) *string { return &s.addr }},
	{"db", "MOVINGCITIES_DB", "movingcities.db", "SQLite database file (created if missing)", func(s *settings) *string { return &s.db }},
	{"base-uri", "MOVINGCITIES_BASE_URI", "http://127.0.0.1:8080", "public base URI of IRIs and links", func(s *settings) *string { return &s.baseURI }},
	{"dumps-dir", "MOVINGCITIES_DUMPS_DIR", "dumps", "folder of dump releases", func(s *settings) *string { return &s.dumpsDir }},
}

// newFlags makes a flag set with the named shared settings, their defaults
// taken from the environment where set.
func newFlags(name string, e env, s *settings, names ...string) *flag.FlagSet {
	fs := flag.NewFlagSet("movingcities "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	for _, st := range settingTable {
		for _, n := range names {
			if n != st.flag {
				continue
			}
			def := st.def
			if v := e.getenv(st.envVar); v != "" {
				def = v
			}
			fs.StringVar(st.dst(s), st.flag, def, fmt.Sprintf("%s (env %s)", st.help, st.envVar))
		}
	}
	return fs
}

// parse parses args, mapping flag errors to errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errUsage
		}
		return errUsage
	}
	return nil
}

// normaliseBase drops a trailing slash so that IRIs are built one way.
func normaliseBase(s string) string { return strings.TrimRight(s, "/") }
