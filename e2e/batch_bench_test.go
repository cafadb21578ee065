package e2e

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// BenchmarkBatch1000 and BenchmarkBatch10000 paste a generated staff table
// of that many rows into /batch in headless Chromium (a paste event with
// the table on the clipboard, as Ctrl+V sends; unless the page takes it,
// the text then goes into the box) and measure, in the page,
// the time from the paste until the counts line and the first page of
// rows are drawn (ms-to-table); also the longest gap between two
// animation frames meanwhile (ms-longest-frame: how long the page did not
// respond at a stretch) and whether the progress was shown (progress).
// Run with -benchtime 1x:
//
//	JIFEN_SERVER=$PWD/bin/server go test ./e2e -run '^$' -bench '^BenchmarkBatch' -benchtime 1x
func BenchmarkBatch1000(b *testing.B) { benchBatch(b, 1000) }

func BenchmarkBatch10000(b *testing.B) { benchBatch(b, 10000) }

func benchBatch(b *testing.B, n int) {
	if browserPath == "" {
		b.Skip("no Chromium")
	}
	srv := startServer(b)
	p := newPage(b, srv.URL)
	_, err := run(p, chromedp.EmulateViewport(1280, 800))
	require.NoError(b, err)
	text := tsv(staffTable(n, 7))
	var total, frame, progress float64
	for i := 0; i < b.N; i++ {
		p.openTB(b, "/batch")
		// watch the frames, note the progress, paste, and time until drawn
		_, err := run(p, chromedp.Evaluate[bool](`(() => {
			window.__gap = 0; window.__progress = false; let last = performance.now();
			const tick = t => { window.__gap = Math.max(window.__gap, t - last); last = t;
				if (document.querySelector(".batch-live [data-testid=batch-progress] progress")) window.__progress = true;
				if (!window.__done) requestAnimationFrame(tick) };
			requestAnimationFrame(tick);
			new MutationObserver(() => { if (document.querySelector(".batch-live progress")) window.__progress = true })
				.observe(document.body, {subtree: true, childList: true});
			const el = document.querySelector("[data-testid=batch-paste]"), dt = new DataTransfer();
			dt.setData("text/plain", `+jsString(text)+`);
			window.__done = false; window.__t0 = performance.now();
			const ev = new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true});
			el.dispatchEvent(ev);
			if (!ev.defaultPrevented) { // what the browser does then
				el.value = dt.getData("text/plain");
				el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"}));
			}
			return true })()`))
		require.NoError(b, err)
		ms, err := run(p, chromedp.Poll[float64](`document.querySelector("[data-testid=batch-counts]") && document.querySelectorAll("[data-testid=batch-row]").length === `+
			strconv.Itoa(min(n, 50))+` && (window.__done = true, performance.now() - window.__t0)`, chromedp.WithPollingInterval(5*time.Millisecond)))
		require.NoError(b, err)
		gap, err := run(p, chromedp.Evaluate[float64](`window.__gap`))
		require.NoError(b, err)
		shown, err := run(p, chromedp.Evaluate[bool](`window.__progress`))
		require.NoError(b, err)
		total += ms
		frame = max(frame, gap)
		if shown {
			progress = 1
		}
	}
	b.ReportMetric(total/float64(b.N), "ms-to-table")
	b.ReportMetric(frame, "ms-longest-frame")
	b.ReportMetric(progress, "progress")
}

// openTB is open for benchmarks.
func (p *page) openTB(tb testing.TB, path string) {
	tb.Helper()
	_, err := run(p, chromedp.Navigate(p.origin+path))
	require.NoError(tb, err)
	_, err = run(p, chromedp.Poll[bool](appReady))
	require.NoError(tb, err)
}
