package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// Slow 4G as the budgets define it: 150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up.
var slow4G = &network.Conditions{
	Latency:            150,
	DownloadThroughput: 1.6e6 / 8,
	UploadThroughput:   750e3 / 8,
}

// visit loads path in a fresh browser (nothing cached) and returns the
// time until the first contentful paint (the pre-rendered first screen)
// and until the app is interactive (the go-app loader is gone).
func visit(t testing.TB, origin, path string, cond *network.Conditions) (firstScreen, interactive time.Duration) {
	p := newPage(t, origin)
	if cond != nil {
		_, err := chromedp.Call(p.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{cond},
		})
		require.NoError(t, err)
	}
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(origin+path)))
	ready, err := chromedp.Run(ctx, chromedp.Poll[float64](`!document.getElementById("app-wasm-loader") && performance.now()`, chromedp.WithPollingInterval(10*time.Millisecond)))
	require.NoError(t, err)
	fcp, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: -1}).startTime`))
	require.NoError(t, err)
	return time.Duration(fcp * float64(time.Millisecond)), time.Duration(ready * float64(time.Millisecond))
}

// BenchmarkFirstVisitSlow4G measures a first visit of / over slow 4G:
// make bench runs it once (-benchtime 1x) and reports the two times.
func BenchmarkFirstVisitSlow4G(b *testing.B) {
	benchVisit(b, slow4G)
}

// BenchmarkFirstVisitFast is the same visit without throttling.
func BenchmarkFirstVisitFast(b *testing.B) {
	benchVisit(b, nil)
}

func benchVisit(b *testing.B, cond *network.Conditions) {
	if browserPath == "" {
		b.Skip("no Chromium")
	}
	srv := startServer(b)
	defer srv.stop()
	var first, ready time.Duration
	for i := 0; i < b.N; i++ {
		f, r := visit(b, srv.URL, "/", cond)
		first += f
		ready += r
	}
	b.ReportMetric(float64(first.Milliseconds())/float64(b.N), "ms-first-screen")
	b.ReportMetric(float64(ready.Milliseconds())/float64(b.N), "ms-interactive")
}
