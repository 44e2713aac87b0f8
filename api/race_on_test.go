//go:build race

package api

// raceDetector is true when the tests run under -race, whose shadow memory
// and slow-down make heap figures and timings its own, not ours.
const raceDetector = true
