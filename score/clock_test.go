package score

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// TestMain moves the clock JIFEN_CLOCK_YEARS years ahead when it is set,
// to check that no test depends on today's date:
//
//	JIFEN_CLOCK_YEARS=10 go test ./score
func TestMain(m *testing.M) {
	if y, err := strconv.Atoi(os.Getenv("JIFEN_CLOCK_YEARS")); err == nil {
		now = func() time.Time { return time.Now().AddDate(y, 0, 0) }
	}
	os.Exit(m.Run())
}

func TestClockMoved(t *testing.T) {
	if y, err := strconv.Atoi(os.Getenv("JIFEN_CLOCK_YEARS")); err == nil && Today().Year != time.Now().Year()+y {
		t.Fatalf("the clock was not moved: %v", Today())
	}
}
