package main

import (
	"testing"
)

// Boolean settings must work bare, as every other Go tool's do (issue 16,
// item 9): "--rate-limit-loopback" alone used to be a usage error.
func TestBooleanFlagsWorkBare(t *testing.T) {
	tests := []struct {
		name string
		env  string
		args []string
		want bool
	}{
		{"bare", "", []string{"--rate-limit-loopback"}, true},
		{"single dash", "", []string{"-rate-limit-loopback"}, true},
		{"explicit true", "", []string{"--rate-limit-loopback=true"}, true},
		{"explicit false", "", []string{"--rate-limit-loopback=false"}, false},
		{"bare overrides environment", "false", []string{"--rate-limit-loopback"}, true},
		{"false overrides environment", "true", []string{"--rate-limit-loopback=false"}, false},
		{"environment only", "true", nil, true},
		{"default", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _, errb := testEnv(map[string]string{"MOVINGCITIES_RATE_LIMIT_LOOPBACK": tt.env})
			var s settings
			fs, err := newFlags("serve", e, &s, "rate-limit-loopback", "addr")
			if err != nil {
				t.Fatal(err)
			}
			// A following flag must still be read as a flag, not as the value.
			args := append(tt.args, "--addr", "127.0.0.1:1")
			if err := parse(fs, args); err != nil {
				t.Fatalf("parse %q: %v: %s", args, err, errb)
			}
			if s.rateLimitLoopback != tt.want {
				t.Errorf("parse %q: rateLimitLoopback = %v, want %v", args, s.rateLimitLoopback, tt.want)
			}
			if s.addr != "127.0.0.1:1" {
				t.Errorf("parse %q: addr = %q", args, s.addr)
			}
		})
	}
}
