// Command benchreport turns the output of the project's benchmarks (go
// test -bench) and the sizes of app.wasm into BENCHMARKS.md and a JSON
// file beside it: every figure with its budget and a pass/fail mark. It
// exits 1 when a budget is missed. `make bench` runs it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"jifen/internal/stats"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// figure is one measured number.
type figure struct {
	Group  string  `json:"group"`
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Budget string  `json:"budget,omitempty"` // "" when there is none
	Pass   *bool   `json:"pass,omitempty"`
	// Page is the page of a Lighthouse figure: the report shows those
	// groups as one table, a row per page.
	Page string `json:"page,omitempty"`
}

// budget is a limit on one benchmark metric.
type budget struct {
	max  float64
	less bool // strictly less than max
	min  bool // max is a minimum
}

func (b budget) check(v float64) bool {
	switch {
	case b.min:
		return v >= b.max
	case b.less:
		return v < b.max
	}
	return v <= b.max
}

func (b budget) String() string {
	n := strconv.FormatFloat(b.max, 'f', -1, 64)
	switch {
	case b.min:
		return "≥ " + n
	case b.less:
		return "< " + n
	}
	return "≤ " + n
}

// row says where a figure comes from: a benchmark and one of its metrics.
type row struct {
	group, name, bench, metric, unit string
	budget                           *budget
}

// optional rows are left out when not measured: the wrk ones, when wrk is
// not installed.
func (r row) optional() bool { return strings.HasPrefix(r.metric, "wrk-") }

// The load groups: bin/server and nginx serving the same export, measured
// by the same client in the same run.
const (
	batchGroup = "Batch: an HR office's staff table (/batch in headless Chromium at 1280×800; the batch package natively)"
	pageLoad   = "Load, 50 clients × 10 s: / (bin/server and nginx, same export, our Go client)"
	wasmLoad   = "Load, 50 clients × 10 s: app.wasm, brotli (bin/server and nginx, our Go client)"
	wrkLoad    = "Load with wrk (2 threads, 50 connections × 10 s), bin/server and nginx, same export"
	hostile    = "bin/server: junk query and memory (CPU with wrk when installed)"
)

var rows = []row{
	{"First visit, slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up, through a throttling proxy)", "pre-rendered first screen visible", "FirstVisitSlow4G", "ms-first-screen", "ms", &budget{max: 2000}},
	{"First visit, slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up, through a throttling proxy)", "interactive (loader gone)", "FirstVisitSlow4G", "ms-interactive", "ms", &budget{max: 7000}},
	{"First visit, slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up, through a throttling proxy)", "bytes transferred (every request, the worker's app.wasm and headers included)", "FirstVisitSlow4G", "bytes-first-visit", "B", nil},
	{"First visit, slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up, through a throttling proxy)", "下一题 pressed while loading: question 2 shown after the app starts", "PressWhileLoading", "ms-press-to-question", "ms", &budget{max: 300}},
	{"First visit, unthrottled", "pre-rendered first screen visible", "FirstVisitFast", "ms-first-screen", "ms", nil},
	{"First visit, unthrottled", "interactive", "FirstVisitFast", "ms-interactive", "ms", nil},
	{"Repeat visit (service worker)", "interactive, online (slow 4G; the service worker answers)", "RepeatVisit", "ms-repeat-online", "ms", &budget{max: 500}},
	{"Repeat visit (service worker)", "interactive, offline", "RepeatVisit", "ms-repeat-offline", "ms", &budget{max: 500}},
	{"Scoring", "Evaluate", "Evaluate", "ns/op", "ns/op", &budget{max: 2000, less: true}},
	{"Scoring", "Evaluate allocations", "Evaluate", "allocs/op", "allocs/op", nil},
	{"Scoring", "Plan", "Plan", "ns/op", "ns/op", &budget{max: 200000, less: true}},
	{"Scoring", "Plan allocations", "Plan", "allocs/op", "allocs/op", nil},
	{"Scoring", "jifen (100,000 profiles in < 2 s)", "Jifen", "profiles/s", "profiles/s", &budget{max: 50000, min: true}},
	{batchGroup, "/batch: 1,000 pasted rows scored and drawn", "Batch1000", "ms-to-table", "ms", &budget{max: 1000, less: true}},
	{batchGroup, "/batch: 1,000 rows, longest time between two frames", "Batch1000", "ms-longest-frame", "ms", nil},
	{batchGroup, "/batch: 10,000 pasted rows scored and drawn", "Batch10000", "ms-to-table", "ms", &budget{max: 5000, less: true}},
	{batchGroup, "/batch: 10,000 rows, longest time between two frames", "Batch10000", "ms-longest-frame", "ms", nil},
	{batchGroup, "/batch: 10,000 rows, progress shown (1 = yes; past half a second it must be)", "Batch10000", "progress", "", &budget{max: 1, min: true}},
	{batchGroup, "batch.Read, 1,000 rows (native)", "Parse", "ns/op", "ns/op", nil},
	{batchGroup, "batch ScoreAll, 1,000 rows (native)", "Score", "ns/op", "ns/op", nil},
	{batchGroup, "batch.Export, 1,000 rows (native)", "Export", "ns/op", "ns/op", nil},
	{pageLoad, "bin/server: requests per second", "Load", "page-server-req/s", "req/s", nil},
	{pageLoad, "nginx: requests per second", "Load", "page-nginx-req/s", "req/s", nil},
	{pageLoad, "ratio bin/server / nginx (aim ≥ 0.8)", "Load", "page-ratio", "", &budget{max: 0.5, min: true}},
	{pageLoad, "bin/server: p50 latency", "Load", "page-server-ms-p50", "ms", nil},
	{pageLoad, "nginx: p50 latency", "Load", "page-nginx-ms-p50", "ms", nil},
	{pageLoad, "bin/server: p99 latency", "Load", "page-server-ms-p99", "ms", nil},
	{pageLoad, "nginx: p99 latency", "Load", "page-nginx-ms-p99", "ms", nil},
	{pageLoad, "bin/server: errors", "Load", "page-server-errors", "", &budget{max: 0}},
	{pageLoad, "nginx: errors", "Load", "page-nginx-errors", "", &budget{max: 0}},
	{wasmLoad, "bin/server: requests per second", "Load", "wasm-server-req/s", "req/s", nil},
	{wasmLoad, "nginx: requests per second", "Load", "wasm-nginx-req/s", "req/s", nil},
	{wasmLoad, "ratio bin/server / nginx", "Load", "wasm-ratio", "", nil},
	{wasmLoad, "bin/server: p50 latency", "Load", "wasm-server-ms-p50", "ms", nil},
	{wasmLoad, "nginx: p50 latency", "Load", "wasm-nginx-ms-p50", "ms", nil},
	{wasmLoad, "bin/server: p99 latency", "Load", "wasm-server-ms-p99", "ms", nil},
	{wasmLoad, "nginx: p99 latency", "Load", "wasm-nginx-ms-p99", "ms", nil},
	{wasmLoad, "bin/server: errors", "Load", "wasm-server-errors", "", &budget{max: 0}},
	{wasmLoad, "nginx: errors", "Load", "wasm-nginx-errors", "", &budget{max: 0}},
	{wrkLoad, "/: bin/server, requests per second", "Load", "wrk-page-server-req/s", "req/s", nil},
	{wrkLoad, "/: nginx, requests per second", "Load", "wrk-page-nginx-req/s", "req/s", nil},
	{wrkLoad, "/: ratio bin/server / nginx (aim ≥ 0.8)", "Load", "wrk-page-ratio", "", &budget{max: 0.5, min: true}},
	{wrkLoad, "/: bin/server, p50 latency", "Load", "wrk-page-server-ms-p50", "ms", nil},
	{wrkLoad, "/: bin/server, p99 latency", "Load", "wrk-page-server-ms-p99", "ms", nil},
	{wrkLoad, "/: nginx, p50 latency", "Load", "wrk-page-nginx-ms-p50", "ms", nil},
	{wrkLoad, "/: nginx, p99 latency", "Load", "wrk-page-nginx-ms-p99", "ms", nil},
	{wrkLoad, "/: bin/server errors", "Load", "wrk-page-server-errors", "", &budget{max: 0}},
	{wrkLoad, "/: nginx errors", "Load", "wrk-page-nginx-errors", "", &budget{max: 0}},
	{wrkLoad, "app.wasm: bin/server, requests per second", "Load", "wrk-wasm-server-req/s", "req/s", nil},
	{wrkLoad, "app.wasm: nginx, requests per second", "Load", "wrk-wasm-nginx-req/s", "req/s", nil},
	{wrkLoad, "app.wasm: ratio bin/server / nginx", "Load", "wrk-wasm-ratio", "", nil},
	{wrkLoad, "app.wasm: bin/server, p50 latency", "Load", "wrk-wasm-server-ms-p50", "ms", nil},
	{wrkLoad, "app.wasm: bin/server, p99 latency", "Load", "wrk-wasm-server-ms-p99", "ms", nil},
	{wrkLoad, "app.wasm: nginx, p50 latency", "Load", "wrk-wasm-nginx-ms-p50", "ms", nil},
	{wrkLoad, "app.wasm: nginx, p99 latency", "Load", "wrk-wasm-nginx-ms-p99", "ms", nil},
	{wrkLoad, "app.wasm: bin/server errors", "Load", "wrk-wasm-server-errors", "", &budget{max: 0}},
	{wrkLoad, "app.wasm: nginx errors", "Load", "wrk-wasm-nginx-errors", "", &budget{max: 0}},
	{hostile, "CPU per request: /", "Load", "plain-us-cpu/req", "µs", nil},
	{hostile, "CPU per request: / with a 64 kB junk query", "Load", "junk-us-cpu/req", "µs", nil},
	{hostile, "junk query / plain request", "Load", "junk-cpu-ratio", "", &budget{max: 2}},
	{hostile, "junk query: requests per second (50 clients)", "Load", "junk-server-req/s", "req/s", nil},
	{hostile, "junk query: errors", "Load", "junk-server-errors", "", &budget{max: 0}},
	{hostile, "memory after the load runs (RSS)", "Load", "MB-rss", "MB", nil},
	{hostile, "memory, peak (VmHWM)", "Load", "MB-peak", "MB", nil},
}

// Lighthouse: its default mobile audit of four pages, with simulated
// throttling (the default, what PageSpeed Insights shows a partner) and
// with devtools throttling; BenchmarkLighthouse reports the medians of its
// runs. The budgets are the targets, on the simulated run.
//
// Where the largest paint is the pre-rendered page (/ and /embed), app.wasm
// must not have arrived before it in any run: the simulation would count
// its whole download into the LCP. On /result and /calc the largest paint
// is the visitor's own figures, which only the app draws (the pre-rendered
// page says 正在计算…), so app.wasm is always there first; their LCP is in
// the score.
var lighthousePages = []struct {
	key, path   string
	perf        float64 // minimum performance score
	a11y        bool    // accessibility must be 1
	prerendered bool    // the largest paint is the pre-rendered page
}{{"root", "/", 0.9, true, true}, {"result", "/result", 0.85, false, false}, {"calc", "/calc", 0.85, false, false}, {"embed", "/embed", 0.9, true, true}}

var lighthouseModes = []struct{ key, title string }{
	{"sim", "simulated throttling (the default; what PageSpeed Insights shows)"},
	{"dt", "devtools throttling (the browser really throttled)"},
}

var lighthouseColumns = []struct{ metric, label, unit string }{
	{"perf", "performance", ""}, {"perf-min", "performance, lowest run", ""}, {"perf-max", "performance, highest run", ""},
	{"a11y", "accessibility", ""}, {"fcp-ms", "FCP", "ms"}, {"lcp-ms", "LCP", "ms"}, {"tbt-ms", "TBT", "ms"},
	{"cls", "CLS", ""}, {"si-ms", "Speed Index", "ms"},
	{"wasm-before-lcp", "runs where app.wasm had arrived before the largest paint", ""},
}

// lighthouseBudget is the budget of a Lighthouse figure, nil for none.
func lighthouseBudget(mode, metric string, perf float64, a11y, prerendered bool) *budget {
	switch {
	case mode != "sim":
		return nil
	case metric == "perf":
		return &budget{max: perf, min: true}
	case metric == "a11y" && a11y:
		return &budget{max: 1, min: true}
	case metric == "wasm-before-lcp" && prerendered:
		return &budget{max: 0}
	}
	return nil
}

// placeholders are the groups still to come, shown after the group
// named by the key until they are measured.
var placeholders = map[string]struct{ group, note string }{}

func main() {
	wasm := flag.String("wasm", "build/app.wasm", "the raw app.wasm")
	br := flag.String("br", "web/app.wasm.br", "app.wasm compressed with brotli")
	gz := flag.String("gz", "web/app.wasm.gz", "app.wasm compressed with gzip")
	md := flag.String("md", "BENCHMARKS.md", "the report to write")
	lhPkg := flag.String("lighthouse", "e2e/lighthouse/package.json", "the package.json that pins Lighthouse")
	js := flag.String("json", "BENCHMARKS.json", "the JSON to write")
	names := flag.String("wasm-names", "", "app.wasm built with its function names (-ldflags=-w), for the size of each feature")
	flag.Parse()

	metrics := map[string]map[string]float64{}
	for _, f := range flag.Args() {
		if err := parse(f, metrics); err != nil {
			fail(err)
		}
	}
	var figs []figure
	ok := true
	add := func(group, name string, v float64, unit string, b *budget) *figure {
		f := figure{Group: group, Name: name, Value: v, Unit: unit}
		if b != nil {
			pass := b.check(v)
			f.Budget, f.Pass = b.String(), &pass
			ok = ok && pass
		}
		figs = append(figs, f)
		return &figs[len(figs)-1]
	}
	const size = "app.wasm size"
	for _, s := range []struct {
		name, path string
		b          *budget
	}{{"raw", *wasm, nil}, {"gzip", *gz, nil}, {"brotli", *br, &budget{max: 1250000}}} {
		st, err := os.Stat(s.path)
		if err != nil {
			fail(fmt.Errorf("app.wasm size: %w", err))
		}
		add(size, s.name, float64(st.Size()), "B", s.b)
	}
	if *names != "" {
		sizes, err := featureSizes(*names, ".", "jifen")
		if err != nil {
			fail(err)
		}
		const group = "app.wasm size per feature: its functions' code (strings and tables not counted)"
		for _, f := range sizes {
			if len(f.unknownFuncs) > 0 {
				fail(fmt.Errorf("feature %q: no function %s in %s: update cmd/benchreport/features.go", f.name, strings.Join(f.unknownFuncs, ", "), *names))
			}
			add(group, f.name+": raw ("+strconv.Itoa(f.funcs)+" functions)", float64(f.raw), "B", nil)
			add(group, f.name+": brotli", float64(f.brotli), "B", nil)
		}
	}
	for _, r := range rows {
		v, found := metrics[r.bench][r.metric]
		if !found && r.optional() {
			continue
		}
		if !found {
			fail(fmt.Errorf("no %s for Benchmark%s in the input", r.metric, r.bench))
		}
		add(r.group, r.name, v, r.unit, r.budget)
	}
	lhVersion, err := lighthouseVersion(*lhPkg)
	if err != nil {
		fail(err)
	}
	for _, m := range lighthouseModes {
		for _, pg := range lighthousePages {
			p := "lh-" + pg.key + "-" + m.key + "-"
			runs, found := metrics["Lighthouse"][p+"runs"]
			if !found {
				fail(fmt.Errorf("no %sruns for BenchmarkLighthouse in the input", p))
			}
			group := fmt.Sprintf("Lighthouse %s mobile, %s, median of %d runs", lhVersion, m.title, int(runs))
			for _, c := range lighthouseColumns {
				v, found := metrics["Lighthouse"][p+c.metric]
				if !found {
					fail(fmt.Errorf("no %s%s for BenchmarkLighthouse in the input", p, c.metric))
				}
				add(group, c.label, v, c.unit, lighthouseBudget(m.key, c.metric, pg.perf, pg.a11y, pg.prerendered)).Page = pg.path
			}
		}
	}
	if err := os.WriteFile(*md, []byte(markdown(figs)), 0o644); err != nil {
		fail(err)
	}
	b, _ := json.MarshalIndent(map[string]any{"date": time.Now().UTC().Format(time.RFC3339), "figures": figs, "all_pass": ok}, "", "  ")
	if err := os.WriteFile(*js, append(b, '\n'), 0o644); err != nil {
		fail(err)
	}
	if !ok {
		fmt.Fprintln(os.Stderr, "benchreport: a budget is missed, see", *md)
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchreport:", err)
	os.Exit(2)
}

// parse reads `go test -bench` lines: BenchmarkName-P N value unit ….
// A benchmark given more than once (-count) gets the median of each
// metric.
func parse(path string, into map[string]map[string]float64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runs := map[string][]sample{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 || !strings.HasPrefix(fs[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(fs[0], "Benchmark")
		if i := strings.LastIndex(name, "-"); i > 0 {
			name = name[:i]
		}
		for i := 2; i+1 < len(fs); i += 2 {
			v, err := strconv.ParseFloat(fs[i], 64)
			if err != nil {
				return fmt.Errorf("%s: %q: %w", path, sc.Text(), err)
			}
			runs[name] = append(runs[name], sample{fs[i+1], v})
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for name, ss := range runs {
		by := map[string][]float64{}
		for _, s := range ss {
			by[s.unit] = append(by[s.unit], s.v)
		}
		m := map[string]float64{}
		for unit, vs := range by {
			m[unit] = stats.Median(vs) // a benchmark run with -count n: its median run
		}
		into[name] = m
	}
	return nil
}

type sample struct {
	unit string
	v    float64
}

// lighthouseVersion reads the pinned version of Lighthouse.
func lighthouseVersion(pkg string) (string, error) {
	b, err := os.ReadFile(pkg)
	if err != nil {
		return "", err
	}
	var p struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(b, &p); err != nil || p.Dependencies["lighthouse"] == "" {
		return "", fmt.Errorf("%s: no lighthouse version (%v)", pkg, err)
	}
	return p.Dependencies["lighthouse"], nil
}

func markdown(figs []figure) string {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "# Benchmarks\n\nWritten by `make bench` on %s (%d cores, %s/%s, host %s), all in one run.\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, host)
	b.WriteString("Scoring: native Go benchmarks, each the median of 5 runs (`-count 5`). Browser figures: headless Chromium at 390×844, a fresh profile for each first visit. Load: on loopback, bin/server and nginx (deploy/nginx.conf, 2 workers) serving the same export, measured by the same client (a bounded Go client of our own, then wrk) in two alternating rounds of 5 s each (requests per second over both, latencies their mean); client and servers share the machine's 2 cores with whatever else runs, so the figures are noisy. CPU per request: the server's user+system time from /proc over a run, divided by its requests. Lighthouse: its own headless Chromium with a fresh profile each run and its default mobile settings (a 412×823 phone, 4× CPU slowdown, 150 ms and 1.6 Mbit/s): simulated throttling loads the page unthrottled and estimates the phone from that trace, devtools throttling applies the same limits in the browser; runs round-robin over the pages, the figures are the medians. Slow 4G: every request (page, worker, service worker) goes through a throttling TCP proxy on loopback (e2e/throttle_test.go): 75 ms each way, a round trip more for each new connection, 1.6 Mbit/s down and 750 kbit/s up shared by all connections; DNS, TLS and TCP slow start are not modelled.\n")
	group := ""
	placeholder := func(after string) {
		if p, ok := placeholders[after]; ok && !hasGroup(figs, p.group) {
			fmt.Fprintf(&b, "\n## %s\n\n_%s_\n", p.group, p.note)
		}
	}
	for i := 0; i < len(figs); i++ {
		f := figs[i]
		if f.Group != group {
			placeholder(group)
			group = f.Group
			if f.Page != "" {
				n := pageTable(&b, figs[i:])
				i += n - 1
				continue
			}
			fmt.Fprintf(&b, "\n## %s\n\n| figure | value | budget | |\n|---|---:|---|---|\n", group)
		}
		fmt.Fprintf(&b, "| %s | %s %s | %s | %s |\n", f.Name, number(f.Value), f.Unit, f.Budget, mark(f))
	}
	placeholder(group)
	return b.String()
}

func hasGroup(figs []figure, group string) bool {
	for _, f := range figs {
		if f.Group == group {
			return true
		}
	}
	return false
}

// pageTable writes the figures of one group of per-page figures (those at
// the start of figs) as a table with a row per page and a column per
// figure, and returns how many it wrote.
func pageTable(b *strings.Builder, figs []figure) int {
	group := figs[0].Group
	var cols, pages []string
	cells := map[[2]string]figure{}
	n := 0
	for ; n < len(figs) && figs[n].Group == group; n++ {
		f := figs[n]
		if !slices.Contains(cols, f.Name) {
			cols = append(cols, f.Name)
		}
		if !slices.Contains(pages, f.Page) {
			pages = append(pages, f.Page)
		}
		cells[[2]string{f.Page, f.Name}] = f
	}
	// "X, lowest run" and "X, highest run" are shown as one column
	var shown []string
	for _, c := range cols {
		if strings.HasSuffix(c, lowest) || strings.HasSuffix(c, highest) && slices.Contains(cols, strings.TrimSuffix(c, highest)+lowest) {
			if strings.HasSuffix(c, lowest) {
				shown = append(shown, strings.TrimSuffix(c, lowest)+", lowest–highest run")
			}
			continue
		}
		shown = append(shown, c)
	}
	fmt.Fprintf(b, "\n## %s\n\n| page | %s |\n|---|%s\n", group, strings.Join(shown, " | "), strings.Repeat("---:|", len(shown)))
	for _, p := range pages {
		fmt.Fprintf(b, "| %s |", p)
		for _, c := range cols {
			f := cells[[2]string{p, c}]
			if strings.HasSuffix(c, highest) && slices.Contains(cols, strings.TrimSuffix(c, highest)+lowest) {
				continue
			}
			cell := strings.TrimSpace(number(f.Value) + " " + f.Unit)
			if strings.HasSuffix(c, lowest) {
				hi := cells[[2]string{p, strings.TrimSuffix(c, lowest) + highest}]
				cell = number(f.Value) + "–" + strings.TrimSpace(number(hi.Value)+" "+hi.Unit)
			}
			if f.Budget != "" {
				cell += " (" + f.Budget + " " + mark(f) + ")"
			}
			fmt.Fprintf(b, " %s |", cell)
		}
		b.WriteString("\n")
	}
	return n
}

const lowest, highest = ", lowest run", ", highest run"

func mark(f figure) string {
	switch {
	case f.Pass == nil:
		return ""
	case *f.Pass:
		return "✅ pass"
	}
	return "❌ FAIL"
}

// number writes a figure's value: whole numbers as they are, others to
// four significant digits, from 10,000 on with thousands separators.
func number(v float64) string {
	s := strconv.FormatFloat(v, 'g', 4, 64)
	if v == math.Trunc(v) {
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	if v >= 10000 {
		s = thousands(int64(v + 0.5))
	}
	return s
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var out []byte
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, c)
	}
	return string(out)
}
