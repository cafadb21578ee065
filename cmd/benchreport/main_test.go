package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A benchmark run with -count is reported by the median of each metric;
// one run alone by its own figures.
func TestParseTakesMedian(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench.txt")
	require.NoError(t, os.WriteFile(path, []byte(`goos: linux
BenchmarkEvaluate-2   	  500000	      2100 ns/op	    3088 B/op	       2 allocs/op
BenchmarkEvaluate-2   	  500000	      3900 ns/op	    3088 B/op	       2 allocs/op
BenchmarkEvaluate-2   	  500000	      1900 ns/op	    3088 B/op	       2 allocs/op
BenchmarkPlan-2   	  5000	      150000 ns/op
BenchmarkPlan-2   	  5000	      170000 ns/op
BenchmarkJifen-2   	  10	      1 profiles/s
PASS
`), 0o644))
	got := map[string]map[string]float64{}
	require.NoError(t, parse(path, got))
	assert.Equal(t, 2100.0, got["Evaluate"]["ns/op"])
	assert.Equal(t, 2.0, got["Evaluate"]["allocs/op"])
	assert.Equal(t, 160000.0, got["Plan"]["ns/op"])
	assert.Equal(t, 1.0, got["Jifen"]["profiles/s"])
}
