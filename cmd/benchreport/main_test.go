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

// app.wasm's arriving before the largest paint is a failure only where
// that paint is the pre-rendered page; the targets are the simulated
// run's.
func TestLighthouseBudgets(t *testing.T) {
	for _, pg := range lighthousePages {
		b := lighthouseBudget("sim", "wasm-before-lcp", pg.perf, pg.a11y, pg.prerendered)
		if pg.path == "/" || pg.path == "/embed" {
			require.NotNil(t, b, pg.path)
			assert.False(t, b.check(1), pg.path)
			assert.True(t, b.check(0), pg.path)
		} else {
			assert.Nil(t, b, "%s: the largest paint is the visitor's figures, drawn by the app", pg.path)
		}
		perf := lighthouseBudget("sim", "perf", pg.perf, pg.a11y, pg.prerendered)
		require.NotNil(t, perf, pg.path)
		assert.False(t, perf.check(pg.perf-0.01), pg.path)
		assert.True(t, perf.check(pg.perf), pg.path)
		assert.Nil(t, lighthouseBudget("dt", "perf", pg.perf, pg.a11y, pg.prerendered), "devtools figures are for reading")
	}
}
