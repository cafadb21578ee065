// Package e2e drives the real bin/server in headless Chromium at a phone's
// size (390×844), clicking like a person. `make test` builds the server and
// runs these tests; without a browser they are skipped with a message,
// except in CI (CI=true), where a missing browser fails.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

var (
	browserPath string
	serverPath  string
	nginxPath   string
	distDir     string // the static export, served by nginx
)

func TestMain(m *testing.M) {
	serverPath = os.Getenv("JIFEN_SERVER")
	distDir = os.Getenv("JIFEN_DIST")
	if p, err := exec.LookPath("nginx"); err == nil {
		nginxPath = p
	} else if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		nginxPath = "/usr/sbin/nginx"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browserPath = p
			break
		}
	}
	switch {
	case browserPath == "" && os.Getenv("CI") == "true":
		fmt.Fprintln(os.Stderr, "e2e: no Chromium found, and CI=true: install it with `apt-get install -y chromium`")
		os.Exit(1)
	case browserPath == "":
		fmt.Fprintln(os.Stderr, "e2e: SKIPPING the browser tests: no Chromium found (install it with `apt-get install -y chromium`)")
	case serverPath == "":
		fmt.Fprintln(os.Stderr, "e2e: JIFEN_SERVER is not set: run the browser tests with `make e2e`")
		os.Exit(1)
	case (nginxPath == "" || distDir == "") && os.Getenv("CI") == "true":
		fmt.Fprintln(os.Stderr, "e2e: CI=true needs nginx (apt-get install -y nginx) and JIFEN_DIST (make e2e sets it)")
		os.Exit(1)
	case nginxPath == "" || distDir == "":
		fmt.Fprintln(os.Stderr, "e2e: SKIPPING the static-export tests: no nginx found or JIFEN_DIST not set (apt-get install -y nginx; make e2e)")
	}
	os.Exit(m.Run())
}

// server is a running bin/server (or nginx, see startNginx).
type server struct {
	URL string
	cmd *exec.Cmd

	out    *syncBuffer   // what it wrote after its first line (stdout and stderr)
	exited chan struct{} // closed when the process has exited
	err    error         // its exit status, once exited is closed
	once   sync.Once
}

// syncBuffer is a bytes.Buffer safe for the goroutines copying a
// process's output.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// startServer starts bin/server on a free loopback port.
func startServer(t testing.TB) *server {
	t.Helper()
	return startServerWith(t, "-addr", "127.0.0.1:0")
}

// startServerWith starts bin/server with these arguments.
func startServerWith(t testing.TB, args ...string) *server {
	t.Helper()
	return startServerCmd(t, exec.Command(serverPath, args...))
}

// startServerCmd starts a command that runs bin/server and waits for its
// first line, which names the URL it serves.
func startServerCmd(t testing.TB, cmd *exec.Cmd) *server {
	t.Helper()
	s := &server{cmd: cmd, out: &syncBuffer{}, exited: make(chan struct{})}
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = s.out
	require.NoError(t, cmd.Start())
	r := bufio.NewReader(stdout)
	line, err := r.ReadString('\n')
	if err != nil {
		cmd.Wait()
		t.Fatalf("bin/server did not start: %v\n%s", err, s.out.String())
	}
	i := strings.Index(line, "http://")
	require.GreaterOrEqual(t, i, 0, "server said %q", line)
	s.URL = strings.TrimRight(strings.TrimSpace(line[i:]), "/")
	go func() {
		io.Copy(s.out, r)
		s.err = cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		s.stop()
		if t.Failed() {
			t.Logf("bin/server said:\n%s", s.out.String())
		}
	})
	return s
}

// waitOutput waits until the server has written s (its log reaches the
// test through a pipe).
func (srv *server) waitOutput(t testing.TB, s string) {
	t.Helper()
	if !waitUntil(10*time.Second, srv.exited, func() bool { return strings.Contains(srv.out.String(), s) }) {
		t.Fatalf("the server never said %q; it said:\n%s", s, srv.out.String())
	}
}

// stop interrupts the server and waits for it to exit (at most a minute:
// the shutdown grace of bin/server is shorter).
func (s *server) stop() {
	s.once.Do(func() {
		if s.cmd.Process != nil {
			s.cmd.Process.Signal(os.Interrupt)
		}
	})
	select {
	case <-s.exited:
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

// page is a browser tab with what it logged and requested.
type page struct {
	ctx     context.Context
	origin  string
	allowed []string // other origins this page may load from
	// notFound are paths this page opens on purpose that answer 404 (the
	// browser logs that as an error).
	notFound []string

	mu       sync.Mutex
	errors   []string
	requests []string
	// requestDetails are the method, URL, headers and body of every
	// request, to look for answers in them.
	requestDetails []string
}

// newPage opens headless Chromium at 390×844 and records console errors,
// exceptions and every request.
func newPage(t testing.TB, origin string) *page {
	t.Helper()
	if browserPath == "" {
		t.Skip("no Chromium: browser tests skipped")
	}
	p := &page{origin: origin}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browserPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithListener(p.listen))
	t.Cleanup(func() { cancelC(); cancelA() })
	// The first action runs on the root context, before any timeout.
	require.NoError(t, chromedp.Do(ctx))
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, log.Enable, struct{}{})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))))
	p.ctx = ctx
	return p
}

// stepTimeout bounds each step of a browser test (a navigation, a wait,
// a click): a test that drives many pages gets the same bound per step.
const stepTimeout = 30 * time.Second

// run runs one action on p within stepTimeout.
func run[T any](p *page, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

func (p *page) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			p.errors = append(p.errors, "console: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
		p.errors = append(p.errors, "exception: "+msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.errors = append(p.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		p.requests = append(p.requests, ev.Request.URL)
		hdr, _ := json.Marshal(ev.Request.Headers)
		var body strings.Builder
		for _, e := range ev.Request.PostDataEntries {
			body.Write(e.Bytes)
		}
		p.requestDetails = append(p.requestDetails, ev.Request.Method+" "+ev.Request.URL+" "+string(hdr)+" "+body.String())
	}
}

// check asserts no console error and no request to another host.
func (p *page) check(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []string
	for _, e := range p.errors {
		expected := false
		for _, path := range p.notFound {
			expected = expected || strings.Contains(e, "status of 404") && strings.HasSuffix(e, p.origin+path)
		}
		if !expected {
			errs = append(errs, e)
		}
	}
	assert.Empty(t, errs, "console errors")
	for _, r := range p.requests {
		u, err := url.Parse(r)
		if err != nil || u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		ok := strings.HasPrefix(r, p.origin+"/")
		for _, o := range p.allowed {
			ok = ok || strings.HasPrefix(r, o+"/")
		}
		assert.True(t, ok, "request to another host: %s", r)
	}
}

// do runs steps, each within stepTimeout.
func (p *page) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	for _, s := range steps {
		_, err := run(p, s)
		require.NoError(t, err)
	}
}

// open navigates and waits until the app has taken over the page and
// drawn it (boot.js numbers each page load; the app sets jifenReady to
// that number).
func (p *page) open(t *testing.T, path string) {
	t.Helper()
	p.do(t, chromedp.Navigate(p.origin+path))
	p.waitReady(t)
}

// appReady is true once the app runs and has drawn the page.
const appReady = `window.jifenLoads > 0 && window.jifenReady === window.jifenLoads && !document.getElementById("app-wasm-loader")`

// waitReady waits until the app runs and has drawn the current page.
func (p *page) waitReady(t *testing.T) {
	t.Helper()
	p.waitFor(t, appReady)
}

func (p *page) text(t *testing.T, sel string) string {
	t.Helper()
	s, err := run(p, chromedp.Text(chromedp.CSS(sel)))
	require.NoError(t, err, sel)
	return strings.TrimSpace(s)
}

func (p *page) eval(t *testing.T, js string) string {
	t.Helper()
	s, err := run(p, chromedp.Evaluate[string](js))
	require.NoError(t, err, js)
	return s
}

// waitFor polls until a JavaScript condition holds; a condition that
// throws (an element not rendered yet) does not hold.
func (p *page) waitFor(t *testing.T, cond string) {
	t.Helper()
	_, err := run(p, chromedp.Poll[bool](`(() => { try { return !!(`+cond+`) } catch (e) { return false } })()`))
	require.NoError(t, err, "waiting for %s", cond)
}

// still waits until the page has stopped scrolling (the app scrolls
// smoothly to what a tap opened; a tap during the scroll would land
// elsewhere, as no person's would).
func (p *page) still(t *testing.T) {
	t.Helper()
	_, err := run(p, chromedp.Evaluate[bool](`new Promise(done => {
		let y = -1, same = 0;
		const tick = () => {
			same = scrollY === y ? same + 1 : 0;
			y = scrollY;
			if (same >= 5) done(true); else requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	})`, chromedp.EvalAwaitPromise))
	require.NoError(t, err, "waiting for the page to stop scrolling")
}

// waitAcrossReload polls a JavaScript condition while the page may be
// reloading: a poll cut by a navigation is tried again.
func (p *page) waitAcrossReload(t *testing.T, cond string) {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	var err error
	for time.Now().Before(deadline) {
		if _, err = run(p, chromedp.Poll[bool](cond)); err == nil {
			return
		}
	}
	t.Fatalf("waiting across a reload for %s: %v", cond, err)
}

// choose picks an option of a select as a person would, with a change
// event.
func choose(sel, value string) chromedp.Action[chromedp.Void] {
	return setValue(sel, value, "change")
}

// typeInto sets an input's text as typing does, with an input event.
func typeInto(sel, value string) chromedp.Action[chromedp.Void] {
	return setValue(sel, value, "input")
}

func setValue(sel, value, event string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS(sel)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.focus(); el.value = %q; el.dispatchEvent(new Event(%q, {bubbles: true})); return true })()`, sel, value, event))(ctx, t)
			return err
		}),
	)
}

// nativeTotal is the total the score package gives for a query, at its
// as_of or else at the browser's day, as the app scores.
func (p *page) nativeTotal(t *testing.T, query string) int {
	t.Helper()
	return totalAt(t, query, p.browserToday(t))
}

func TestSelfTestByClicking(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/")
	assert.Contains(t, p.text(t, ".quiz-count"), "第 1 / 6 题")
	p.do(t,
		choose("#birth-year", "1990"),
		choose("#birth-month", "6"),
		chromedp.Click(chromedp.CSS("#next")),
		chromedp.WaitVisible(chromedp.CSS(`input[name=education][value=master]`)),
		chromedp.Click(chromedp.CSS(`input[name=education][value=master]`)),
		chromedp.Click(chromedp.CSS("#next")),
		// title: a senior title without the base condition, then none
		chromedp.WaitVisible(chromedp.CSS(`input[name=title][value=senior]`)),
		chromedp.Click(chromedp.CSS(`input[name=title][value=senior]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=title_base_ok][value="1"]`)),
		chromedp.Click(chromedp.CSS(`input[name=title][value=none]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`input[name=title_base_ok]`)),
		chromedp.Click(chromedp.CSS("#next")),
		chromedp.WaitVisible(chromedp.CSS(`button[aria-label^="增加"]`)),
	)
	// 0 years to start with (the answer that adds nothing), 5 up
	for i := 0; i < 5; i++ {
		p.do(t, chromedp.Click(chromedp.CSS(`button[aria-label^="增加"]`)))
	}
	p.waitFor(t, `document.querySelector("#insurance_years").value === "5"`)
	// back and forward keep the answers
	p.do(t,
		chromedp.Click(chromedp.CSS(`.quiz-nav .btn-ghost`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=title][value=none]`)),
		chromedp.Click(chromedp.CSS("#next")),
		chromedp.WaitVisible(chromedp.CSS("#insurance_years")),
	)
	assert.Equal(t, "5", p.eval(t, `document.querySelector("#insurance_years").value`))
	p.do(t,
		chromedp.Click(chromedp.CSS("#next")),
		chromedp.WaitVisible(chromedp.CSS(`input[name=base_tier][value="1"]`)),
		chromedp.Click(chromedp.CSS(`input[name=base_tier][value="1"]`)),
		chromedp.Click(chromedp.CSS("#next")),
		chromedp.WaitVisible(chromedp.CSS(`input[name=spouse][value="0"]`)),
	)
	assert.Contains(t, p.text(t, ".quiz-count"), "第 6 / 6 题")
	// the address bar follows the answers, after #
	assert.Contains(t, p.hash(t), "education=master")
	assert.Contains(t, p.hash(t), "insurance_years=5")
	assert.Equal(t, "", p.eval(t, `location.search`))

	p.do(t,
		chromedp.Click(chromedp.CSS("#next")),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=total]`)),
	)
	assert.Equal(t, "/result", p.eval(t, `location.pathname`))
	// born 1990-06: 30 for age while 43 or younger, 硕士 100, 5 years 15,
	// 1× base 50, at the browser's date
	frag := p.hash(t)
	assert.Equal(t, fmt.Sprint(totalAt(t, frag, p.browserToday(t))), p.text(t, `[data-testid=total]`))
	assert.Equal(t, fmt.Sprint(totalAt(t, frag, score.Date{Year: 2026, Month: 11, Day: 28})), "195", "the worked example")
	p.check(t)
}

func TestShareLink(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			srv := b.start(t)
			p := newPage(t, srv.URL)
			for _, q := range []string{
				"birth=1985-06&education=college&insurance_years=10",
				"age=29&education=bachelor&base_tier=0.8&insurance_years=2",
				"age=48&education=bachelor_degree&title=senior&title_base_ok=1&spouse_years=3",
			} {
				p.open(t, "/result?"+q)
				assert.Equal(t, fmt.Sprint(p.nativeTotal(t, q)), p.text(t, `[data-testid=total]`), q)
			}
			assert.Contains(t, p.text(t, ".items"), "年龄")
			p.open(t, "/calc?age=35&education=master")
			assert.Equal(t, "130", p.text(t, `[data-testid=total]`))
			p.check(t)
		})
	}
}

func TestOfflineShareLink(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			srv := b.start(t)
			p := newPage(t, srv.URL)
			q := "birth=1990-01&education=bachelor_degree&insurance_years=4&base_tier=1"
			p.open(t, "/")
			// wait until the service worker controls the page and has
			// cached everything
			_, err := run(p, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
			require.NoError(t, err)
			p.do(t, chromedp.Reload(), chromedp.WaitNotPresent(chromedp.CSS("#app-wasm-loader")))
			require.Equal(t, "true", p.eval(t, `String(!!navigator.serviceWorker.controller)`))
			srv.stop() // the network is off: only the service worker answers
			p.open(t, "/result?"+q)
			assert.Equal(t, fmt.Sprint(p.nativeTotal(t, q)), p.text(t, `[data-testid=total]`))
			// a repeat visit's worker is the file, which the service worker
			// keeps: it brought the module, offline
			assert.Equal(t, "file", p.eval(t, `String(window.jifenWorkerFrom)`))
			assert.Equal(t, "1", p.eval(t, `String(window.jifenDownloads)`))
			p.do(t, chromedp.Reload(), chromedp.WaitNotPresent(chromedp.CSS("#app-wasm-loader")))
			assert.Equal(t, fmt.Sprint(p.nativeTotal(t, q)), p.text(t, `[data-testid=total]`))
			for _, page := range []string{"/?education=master", "/guide?title=senior", "/plan?age=40", "/rules", "/calc?age=30"} {
				p.open(t, page)
				assert.NotEmpty(t, p.text(t, "main"), page)
			}
			assert.Equal(t, "30", p.text(t, `[data-testid=total]`), "the calculator works offline")
		})
	}
}
