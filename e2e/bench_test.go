package e2e

import (
	"context"
	"io"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// The benchmarks behind `make bench`: each runs once (-benchtime 1x) and
// reports its figures as metrics, which cmd/benchreport turns into
// BENCHMARKS.md.

// Slow 4G as the budgets define it: 150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up.
var slow4G = &network.Conditions{
	Latency:            150,
	DownloadThroughput: 1.6e6 / 8,
	UploadThroughput:   750e3 / 8,
}

func throttle(t testing.TB, p *page, cond *network.Conditions) {
	if cond == nil {
		return
	}
	_, err := chromedp.Call(p.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{cond},
	})
	require.NoError(t, err)
}

// load navigates to path and returns the time from the navigation's start
// until the first contentful paint (the pre-rendered first screen) and
// until the app is interactive (the go-app loader is gone).
func load(t testing.TB, p *page, path string) (firstScreen, interactive time.Duration) {
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(p.origin+path)))
	ready, err := chromedp.Run(ctx, chromedp.Poll[float64](`!document.getElementById("app-wasm-loader") && performance.now()`, chromedp.WithPollingInterval(10*time.Millisecond)))
	require.NoError(t, err)
	fcp, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: -1}).startTime`))
	require.NoError(t, err)
	ms := func(v float64) time.Duration { return time.Duration(v * float64(time.Millisecond)) }
	return ms(fcp), ms(ready)
}

// BenchmarkFirstVisitSlow4G is a first visit of / (nothing cached) over
// slow 4G.
func BenchmarkFirstVisitSlow4G(b *testing.B) { benchFirstVisit(b, slow4G) }

// BenchmarkFirstVisitFast is the same visit without throttling.
func BenchmarkFirstVisitFast(b *testing.B) { benchFirstVisit(b, nil) }

func benchFirstVisit(b *testing.B, cond *network.Conditions) {
	if browserPath == "" {
		b.Skip("no Chromium")
	}
	srv := startServer(b)
	var first, ready time.Duration
	var bytes int64
	for i := 0; i < b.N; i++ {
		p := newPage(b, srv.URL) // a new profile: nothing cached
		throttle(b, p, cond)
		f, r := load(b, p, "/")
		first += f
		ready += r
		p.mu.Lock()
		bytes += p.bytes
		p.mu.Unlock()
	}
	n := float64(b.N)
	b.ReportMetric(float64(first.Milliseconds())/n, "ms-first-screen")
	b.ReportMetric(float64(ready.Milliseconds())/n, "ms-interactive")
	b.ReportMetric(float64(bytes)/n, "bytes-first-visit")
}

// BenchmarkRepeatVisit is a visit of / served by the service worker, over
// slow 4G, then with the server stopped.
func BenchmarkRepeatVisit(b *testing.B) {
	if browserPath == "" {
		b.Skip("no Chromium")
	}
	var online, offline time.Duration
	for i := 0; i < b.N; i++ {
		srv := startServer(b)
		p := newPage(b, srv.URL)
		load(b, p, "/")
		_, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
		load(b, p, "/") // now under the worker's control
		throttle(b, p, slow4G)
		_, r := load(b, p, "/")
		online += r
		srv.stop()
		_, r = load(b, p, "/")
		offline += r
	}
	n := float64(b.N)
	b.ReportMetric(float64(online.Milliseconds())/n, "ms-repeat-online")
	b.ReportMetric(float64(offline.Milliseconds())/n, "ms-repeat-offline")
}

// loadTest runs `clients` clients against url for d and returns the
// requests per second, the 50th and 99th percentile latencies and the
// number of errors (transport errors and non-200 answers). It is bounded:
// it stops at d.
func loadTest(url string, clients int, d time.Duration, header http.Header) (rps float64, p50, p99 time.Duration, errs int) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest("GET", url, nil)
				req.Header = header.Clone()
				start := time.Now()
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != 200 {
						bad++
					}
				}
				if err != nil {
					bad++
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		return 0, 0, 0, errs
	}
	return float64(len(lat)) / d.Seconds(), lat[len(lat)/2], lat[len(lat)*99/100], errs
}

func benchLoad(b *testing.B, path string, header http.Header) {
	if serverPath == "" {
		b.Skip("no server")
	}
	srv := startServer(b)
	for i := 0; i < b.N; i++ {
		rps, p50, p99, errs := loadTest(srv.URL+path, 50, 10*time.Second, header)
		b.ReportMetric(rps, "req/s")
		b.ReportMetric(float64(p50.Microseconds())/1000, "ms-p50")
		b.ReportMetric(float64(p99.Microseconds())/1000, "ms-p99")
		b.ReportMetric(float64(errs), "errors")
	}
}

// BenchmarkLoadPage: 50 clients get the pre-rendered / for 10 s.
func BenchmarkLoadPage(b *testing.B) {
	benchLoad(b, "/", http.Header{"Accept-Encoding": {"gzip, br"}})
}

// BenchmarkLoadWasm: 50 clients get /web/app.wasm (brotli) for 10 s.
func BenchmarkLoadWasm(b *testing.B) {
	benchLoad(b, "/web/app.wasm", http.Header{"Accept-Encoding": {"gzip, br"}})
}
