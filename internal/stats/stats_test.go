package stats

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestMedian(t *testing.T) {
	vs := []float64{3900, 2100, 1900}
	assert.Equal(t, 2100.0, Median(vs))
	assert.Equal(t, []float64{3900, 2100, 1900}, vs, "the input is not sorted in place")
	assert.Equal(t, 160000.0, Median([]float64{170000, 150000}))
	assert.Equal(t, 7*time.Second, Median([]time.Duration{9 * time.Second, 7 * time.Second, 6 * time.Second}))
	assert.Equal(t, int64(5), Median([]int64{5}))
}
