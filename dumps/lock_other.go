//go:build !unix

package dumps

import "context"

// lockDir does nothing where flock is missing: runs of one process never
// overlap (Scheduler), but a "dump" command beside the server could.
func lockDir(context.Context, string) (func(), error) { return func() {}, nil }
