// Package stats has the one summary the benchmarks need: the median of
// repeated runs, so that one slow run on a shared machine does not decide
// a figure.
package stats

import "slices"

// Median is the middle value of vs (the mean of the two middle ones for an
// even count); vs is left as it is. It panics on no values.
func Median[T ~int64 | ~float64](vs []T) T {
	vs = slices.Clone(vs)
	slices.Sort(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2]
	}
	return (vs[n/2-1] + vs[n/2]) / 2
}
