package main

import (
	"os"
	"strconv"
	"testing"

	"jifen/score"
)

// TestMain moves the default evaluation date JIFEN_CLOCK_YEARS years
// ahead when it is set, to check that no test depends on today's date:
//
//	JIFEN_CLOCK_YEARS=10 go test ./cmd/jifen
func TestMain(m *testing.M) {
	if y, err := strconv.Atoi(os.Getenv("JIFEN_CLOCK_YEARS")); err == nil {
		today = func() score.Date { return score.Today().AddYears(y) }
	}
	os.Exit(m.Run())
}
