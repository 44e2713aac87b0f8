package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/moving-cities/opendata/synth"
)

func runGen(_ context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("gen", e, &s)
	if err != nil {
		return err
	}
	n := fs.Int("municipalities", 1000, "number of municipalities")
	seed := fs.Int64("seed", 1, "random seed: the same seed gives the same dataset")
	out := fs.String("out", "-", "output file ('-' for standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *n < 0 {
		return fmt.Errorf("--municipalities must not be negative")
	}
	d := synth.Generate(synth.Options{Municipalities: *n, Seed: *seed})
	write := func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		if err := json.NewEncoder(bw).Encode(d); err != nil {
			return err
		}
		return bw.Flush()
	}
	if *out == "-" {
		return write(e.stdout)
	}
	return writeFileAtomic(*out, write)
}
