package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"jifen/internal/stats"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// The benchmarks behind `make bench`: each runs once (-benchtime 1x) and
// reports its figures as metrics, which cmd/benchreport turns into
// BENCHMARKS.md.

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
// slow 4G: through a throttling proxy (throttle_test.go), which the
// browser's every request goes through, the worker's app.wasm included.
func BenchmarkFirstVisitSlow4G(b *testing.B) { benchFirstVisit(b, true) }

// BenchmarkFirstVisitFast is the same visit without throttling.
func BenchmarkFirstVisitFast(b *testing.B) { benchFirstVisit(b, false) }

// benchFirstVisit: both visits go through the proxy (unthrottled for the
// fast one), and bytes-first-visit is its count of the bytes it delivered
// to the browser until the app was interactive, for both alike: headers
// and bodies as on the wire, the worker's requests included (Chromium's
// own count, from the page's network events, misses the worker's). Each
// iteration is visitsPerRun visits, each with a new profile, reported by
// their medians: on a shared machine one visit alone varies by a tenth of
// a second or more.
func benchFirstVisit(b *testing.B, throttled bool) {
	if browserPath == "" {
		b.Skip("no Chromium")
	}
	srv := startServer(b)
	var first, ready []time.Duration
	var bytes []int64
	for i := 0; i < b.N*visitsPerRun; i++ {
		px := startThrottleProxy(b, srv.URL, slow4G)
		px.setThrottled(throttled)
		p := newPage(b, px.URL) // a new profile: nothing cached
		f, r := load(b, p, "/")
		first = append(first, f)
		ready = append(ready, r)
		bytes = append(bytes, px.bytesDelivered())
		b.Logf("first screen %v, interactive %v, %d bytes over %d connections", f, r, px.bytesDelivered(), px.accepted.Load())
		throughProxy(b, p, px)
		px.Close()
	}
	b.ReportMetric(float64(stats.Median(first).Milliseconds()), "ms-first-screen")
	b.ReportMetric(float64(stats.Median(ready).Milliseconds()), "ms-interactive")
	b.ReportMetric(float64(stats.Median(bytes)), "bytes-first-visit")
}

// visitsPerRun is how many first visits one benchmark iteration makes.
const visitsPerRun = 3

// throughProxy fails if the page requested anything from elsewhere than
// the proxy (the throttling would then not apply to it).
func throughProxy(t testing.TB, p *page, px *throttleProxy) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	require.NotEmpty(t, p.requests)
	for _, r := range p.requests {
		if !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
			require.True(t, strings.HasPrefix(r, px.URL+"/"), "a request around the proxy: %s", r)
		}
	}
}

// BenchmarkRepeatVisit is a visit of / served by the service worker, over
// slow 4G, then with the server stopped (visitsPerRun of each, with their
// medians). The visits that install the
// worker go through the same proxy, unthrottled: the worker belongs to
// the proxy's origin, which the throttled visit must be of.
func BenchmarkRepeatVisit(b *testing.B) {
	if browserPath == "" {
		b.Skip("no Chromium")
	}
	var online, offline []time.Duration
	for i := 0; i < b.N*visitsPerRun; i++ {
		srv := startServer(b)
		px := startThrottleProxy(b, srv.URL, slow4G)
		px.setThrottled(false)
		p := newPage(b, px.URL)
		load(b, p, "/")
		_, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
		load(b, p, "/") // now under the worker's control
		px.setThrottled(true)
		before := px.bytesDelivered()
		_, r := load(b, p, "/")
		online = append(online, r)
		b.Logf("repeat visit over slow 4G: interactive in %v, %d bytes from the network", r, px.bytesDelivered()-before)
		throughProxy(b, p, px)
		srv.stop()
		px.Close() // nothing listens: connections are refused
		_, r = load(b, p, "/")
		offline = append(offline, r)
		b.Logf("repeat visit offline: interactive in %v", r)
	}
	b.ReportMetric(float64(stats.Median(online).Milliseconds()), "ms-repeat-online")
	b.ReportMetric(float64(stats.Median(offline).Milliseconds()), "ms-repeat-offline")
}

// loadTest runs `clients` clients against url for d and returns the
// requests per second, the 50th and 99th percentile latencies and the
// number of errors (transport errors and non-200 answers). It is bounded:
// it stops at d. Each client writes a request in one piece.
func loadTest(url string, clients int, d time.Duration, header http.Header) (res loadResult) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true, WriteBufferSize: 128 << 10}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	start := time.Now()
	deadline := start.Add(d)
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
				t0 := time.Now()
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
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			res.errors += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	res.requests = len(lat)
	res.seconds = time.Since(start).Seconds()
	if len(lat) == 0 {
		return res
	}
	res.rps = float64(len(lat)) / res.seconds
	res.p50, res.p99 = lat[len(lat)/2], lat[len(lat)*99/100]
	return res
}

type loadResult struct {
	rps      float64
	p50, p99 time.Duration
	errors   int
	requests int
	rounds   int
	seconds  float64
}

// add sums two runs: requests per second over both, the mean of their
// percentiles.
func (r loadResult) add(o loadResult) loadResult {
	n := float64(r.rounds)
	r.seconds += o.seconds
	r.requests += o.requests
	r.errors += o.errors
	r.p50 = time.Duration((float64(r.p50)*n + float64(o.p50)) / (n + 1))
	r.p99 = time.Duration((float64(r.p99)*n + float64(o.p99)) / (n + 1))
	r.rounds++
	if r.seconds > 0 {
		r.rps = float64(r.requests) / r.seconds
	}
	return r
}

func (r loadResult) report(b *testing.B, prefix string) {
	b.ReportMetric(r.rps, prefix+"req/s")
	b.ReportMetric(float64(r.p50.Microseconds())/1000, prefix+"ms-p50")
	b.ReportMetric(float64(r.p99.Microseconds())/1000, prefix+"ms-p99")
	b.ReportMetric(float64(r.errors), prefix+"errors")
}

// BenchmarkLoad measures bin/server beside nginx serving the same export
// (deploy/nginx.conf, two workers), with the same client in the same run:
// 50 clients for 10 s on each (two rounds of 5 s, alternating, so that
// the load of others on the machine weighs on both alike) for / and for
// the brotli app.wasm, and the ratio of their requests per second; with
// our Go client and, when installed, with wrk. Then the server's CPU time
// per request for / and for / with a 64 kB query of unknown keys
// (alternating too), and its memory after all that.
func BenchmarkLoad(b *testing.B) {
	if serverPath == "" || nginxPath == "" || distDir == "" {
		b.Skip("needs bin/server, nginx and the export (make bench)")
	}
	srv := startServer(b)
	ngx := startNginxOn(b, distDir, 2)
	pid := srv.cmd.Process.Pid
	hdr := http.Header{"Accept-Encoding": {"gzip, deflate, br"}}
	m := regexp.MustCompile(`/([0-9a-f]{16})/web/`).FindStringSubmatch(string(get(b, srv.URL+"/")))
	require.NotNil(b, m)
	wasm := "/" + m[1] + "/web/app.wasm"
	const clients, d = 50, 10 * time.Second
	type client func(url string, d time.Duration) loadResult
	clientsByName := []struct {
		prefix string
		run    client
	}{{"", func(url string, d time.Duration) loadResult { return loadTest(url, clients, d, hdr) }}}
	if wrk, err := exec.LookPath("wrk"); err == nil {
		// wrk costs less than our client, so leaves more of the machine
		// to the servers
		clientsByName = append(clientsByName, struct {
			prefix string
			run    client
		}{"wrk-", func(url string, d time.Duration) loadResult { return runWrk(b, wrk, url, clients, d) }})
	}
	for i := 0; i < b.N; i++ {
		for _, cl := range clientsByName {
			for _, c := range []struct{ name, path string }{{"page", "/"}, {"wasm", wasm}} {
				cl.run(srv.URL+c.path, time.Second) // warm both up
				cl.run(ngx.URL+c.path, time.Second)
				var s, n loadResult
				for round := 0; round < 2; round++ {
					s = s.add(cl.run(srv.URL+c.path, d/2))
					n = n.add(cl.run(ngx.URL+c.path, d/2))
				}
				s.report(b, cl.prefix+c.name+"-server-")
				n.report(b, cl.prefix+c.name+"-nginx-")
				b.ReportMetric(s.rps/n.rps, cl.prefix+c.name+"-ratio")
			}
		}
		// CPU per request, plain and junk, with the cheaper client
		cl := clientsByName[len(clientsByName)-1]
		junkURL := srv.URL + "/?" + junkQuery()
		var plain, junk loadResult
		var plainCPU, junkCPU time.Duration
		for round := 0; round < 2; round++ {
			cpu := procCPU(b, pid)
			plain = plain.add(cl.run(srv.URL+"/", d/2))
			plainCPU += procCPU(b, pid) - cpu
			cpu = procCPU(b, pid)
			junk = junk.add(cl.run(junkURL, d/2))
			junkCPU += procCPU(b, pid) - cpu
		}
		perPlain := float64(plainCPU.Microseconds()) / float64(plain.requests)
		perJunk := float64(junkCPU.Microseconds()) / float64(junk.requests)
		b.ReportMetric(perPlain, "plain-us-cpu/req")
		b.ReportMetric(perJunk, "junk-us-cpu/req")
		b.ReportMetric(perJunk/perPlain, "junk-cpu-ratio")
		junk.report(b, "junk-server-")
	}
	rss, peak := procMemory(b, pid)
	b.ReportMetric(rss, "MB-rss")
	b.ReportMetric(peak, "MB-peak")
}

// runWrk runs wrk (2 threads) with this many connections for d.
func runWrk(b *testing.B, wrk, url string, conns int, d time.Duration) (res loadResult) {
	out, err := exec.Command(wrk, "-t2", "-c"+strconv.Itoa(conns), "-d"+strconv.Itoa(int(d.Seconds()))+"s", "--latency",
		"-H", "Accept-Encoding: gzip, deflate, br", url).CombinedOutput()
	require.NoError(b, err, string(out))
	dur := func(s string) time.Duration {
		d, err := time.ParseDuration(strings.Replace(s, "us", "µs", 1))
		require.NoError(b, err, s)
		return d
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			res.rps, err = strconv.ParseFloat(f[1], 64)
			require.NoError(b, err)
		case len(f) >= 4 && f[1] == "requests" && f[2] == "in":
			res.requests, err = strconv.Atoi(f[0])
			require.NoError(b, err)
			res.seconds = dur(strings.TrimSuffix(f[3], ",")).Seconds()
		case len(f) == 2 && f[0] == "50%":
			res.p50 = dur(f[1])
		case len(f) == 2 && f[0] == "99%":
			res.p99 = dur(f[1])
		case strings.HasPrefix(strings.TrimSpace(line), "Non-2xx or 3xx responses:"):
			n, _ := strconv.Atoi(f[len(f)-1])
			res.errors += n
		case len(f) > 0 && f[0] == "Socket" && f[1] == "errors:":
			for i := 3; i < len(f); i += 2 {
				n, _ := strconv.Atoi(strings.TrimSuffix(f[i], ","))
				res.errors += n
			}
		}
	}
	require.NotZero(b, res.rps, string(out))
	return res
}

func get(b *testing.B, url string) []byte {
	res, err := http.Get(url)
	require.NoError(b, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(b, err)
	return body
}

// lighthousePages are the pages Lighthouse measures, with the key of
// their metrics: the self-test, the result and the calculator (both
// pre-rendered in their loading state) and the embed partners frame.
var lighthousePages = []struct{ key, path string }{
	{"root", "/"}, {"result", "/result"}, {"calc", "/calc"}, {"embed", "/embed"},
}

// lighthouseModes: the default mobile run (simulated throttling, what
// PageSpeed Insights shows), and the same run throttled in the browser
// (devtools), which measures what a throttled phone really does.
var lighthouseModes = []struct{ key, method string }{{"sim", "simulate"}, {"dt", "devtools"}}

// lighthouseReport is what the benchmark reads of a Lighthouse JSON
// report.
type lighthouseReport struct {
	RuntimeError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Categories map[string]struct {
		Score *float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]struct {
		NumericValue float64         `json:"numericValue"`
		Details      json.RawMessage `json:"details"`
	} `json:"audits"`
}

// wasmBeforeLCP says whether app.wasm had arrived before the observed
// largest paint of the unthrottled load: then the simulation counts its
// download (6 s on a slow phone) into the LCP.
func (r *lighthouseReport) wasmBeforeLCP() (bool, error) {
	var metrics struct {
		Items []struct {
			ObservedLCP float64 `json:"observedLargestContentfulPaint"`
		} `json:"items"`
	}
	var requests struct {
		Items []struct {
			URL string  `json:"url"`
			End float64 `json:"networkEndTime"`
		} `json:"items"`
	}
	if err := json.Unmarshal(r.Audits["metrics"].Details, &metrics); err != nil || len(metrics.Items) == 0 {
		return false, fmt.Errorf("no observed LCP in the report: %v", err)
	}
	if err := json.Unmarshal(r.Audits["network-requests"].Details, &requests); err != nil {
		return false, err
	}
	for _, q := range requests.Items {
		if strings.HasSuffix(q.URL, "/app.wasm") && q.End > 0 && q.End <= metrics.Items[0].ObservedLCP {
			return true, nil
		}
	}
	return false, nil
}

// BenchmarkLighthouse runs Lighthouse's default mobile audit
// (performance and accessibility) on each page of lighthousePages, with
// simulated and with devtools throttling, JIFEN_LIGHTHOUSE_RUNS times each
// (default 3), round-robin so that the machine's other load weighs on all
// alike, and reports the median of each figure and the spread of the
// performance score. Lighthouse (JIFEN_LIGHTHOUSE, the CLI that `make
// bench` installs from e2e/lighthouse) starts its own Chromium with a
// fresh profile each run. The reports are kept in build/lighthouse/.
func BenchmarkLighthouse(b *testing.B) {
	lh := os.Getenv("JIFEN_LIGHTHOUSE")
	if lh == "" || browserPath == "" {
		b.Skip("needs JIFEN_LIGHTHOUSE (make bench installs it) and Chromium")
	}
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("JIFEN_LIGHTHOUSE_RUNS")); err == nil && n > 0 {
		runs = n
	}
	out, err := filepath.Abs(filepath.Join("..", "build", "lighthouse"))
	require.NoError(b, err)
	require.NoError(b, os.MkdirAll(out, 0o755))
	srv := startServer(b)
	type key struct{ page, mode string }
	reports := map[key][]*lighthouseReport{}
	for i := 0; i < b.N; i++ {
		for run := 0; run < runs; run++ {
			for _, m := range lighthouseModes {
				for _, pg := range lighthousePages {
					file := filepath.Join(out, fmt.Sprintf("%s-%s-%d.json", pg.key, m.key, run+1))
					ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
					cmd := exec.CommandContext(ctx, lh, srv.URL+pg.path,
						"--quiet", "--output=json", "--output-path="+file,
						"--only-categories=performance,accessibility",
						"--throttling-method="+m.method,
						"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --disable-sync --disable-component-update")
					cmd.Env = append(os.Environ(), "CHROME_PATH="+browserPath)
					msg, err := cmd.CombinedOutput()
					cancel()
					require.NoError(b, err, "lighthouse %s (%s): %s", pg.path, m.method, msg)
					raw, err := os.ReadFile(file)
					require.NoError(b, err)
					var r lighthouseReport
					require.NoError(b, json.Unmarshal(raw, &r), file)
					if r.RuntimeError != nil && r.RuntimeError.Code != "" && r.RuntimeError.Code != "NO_ERROR" {
						b.Fatalf("lighthouse %s (%s): %s: %s", pg.path, m.method, r.RuntimeError.Code, r.RuntimeError.Message)
					}
					reports[key{pg.key, m.key}] = append(reports[key{pg.key, m.key}], &r)
				}
			}
		}
	}
	for k, rs := range reports {
		var perf, a11y []float64
		audits := map[string][]float64{}
		wasmFirst := 0
		for _, r := range rs {
			score := func(c string) float64 {
				if s := r.Categories[c].Score; s != nil {
					return *s
				}
				return 0
			}
			perf = append(perf, score("performance"))
			a11y = append(a11y, score("accessibility"))
			for _, a := range []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"} {
				audits[a] = append(audits[a], r.Audits[a].NumericValue)
			}
			w, err := r.wasmBeforeLCP()
			require.NoError(b, err)
			if w {
				wasmFirst++
			}
		}
		p := "lh-" + k.page + "-" + k.mode + "-"
		sorted := append([]float64(nil), perf...)
		sort.Float64s(sorted)
		b.ReportMetric(stats.Median(perf), p+"perf")
		b.ReportMetric(sorted[0], p+"perf-min")
		b.ReportMetric(sorted[len(sorted)-1], p+"perf-max")
		b.ReportMetric(stats.Median(a11y), p+"a11y")
		b.ReportMetric(stats.Median(audits["first-contentful-paint"]), p+"fcp-ms")
		b.ReportMetric(stats.Median(audits["largest-contentful-paint"]), p+"lcp-ms")
		b.ReportMetric(stats.Median(audits["total-blocking-time"]), p+"tbt-ms")
		b.ReportMetric(stats.Median(audits["cumulative-layout-shift"]), p+"cls")
		b.ReportMetric(stats.Median(audits["speed-index"]), p+"si-ms")
		b.ReportMetric(float64(wasmFirst), p+"wasm-before-lcp")
		b.ReportMetric(float64(len(rs)), p+"runs")
		b.Logf("%s %s: performance %v, LCP %v ms, TBT %v ms", k.page, k.mode, perf, audits["largest-contentful-paint"], audits["total-blocking-time"])
	}
}
