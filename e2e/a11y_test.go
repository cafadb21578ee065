package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "jifen/app"
)

// axeSource is axe-core, installed by `make e2e` from e2e/axe.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("axe", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is missing (make e2e installs it): %v", err)
		}
		t.Skip("axe-core not installed: run `make e2e`")
	}
	return string(b)
}

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeRun checks the page with axe-core and returns the serious and
// critical violations.
func axeRun(t *testing.T, p *page, src string) []violation {
	t.Helper()
	_, err := run(p, chromedp.Evaluate[bool](src+";true"))
	require.NoError(t, err)
	out, err := run(p, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
			id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}))))`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	var vs []violation
	require.NoError(t, json.Unmarshal([]byte(out), &vs))
	return vs
}

func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	srv := startServer(t)
	// every page of the table; those that show a profile with one, plus a
	// link with problems and an unknown path
	sample := map[string]string{
		ui.PathResult: "#birth=1985-06&education=college&insurance_years=10&title=intermediate&key_area=lingang&key_area_years=2",
		ui.PathCalc:   "#age=35&education=master&insurance_years=99",
		ui.PathPlan:   "#birth=1985-06&education=college&insurance_years=10",
		ui.PathGuide:  "#education=master&title=senior&spouse_years=2",
		ui.PathEmbed:  "?theme=%23c0392b",
	}
	var pages []string
	for _, pg := range ui.Pages {
		if pg.Path != ui.PathNotFound {
			pages = append(pages, pg.Path+sample[pg.Path])
		}
	}
	pages = append(pages, "/result#age=300&foo=1", "/no-such-page")
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1280, 800}} {
		t.Run(size.name, func(t *testing.T) {
			p := newPage(t, srv.URL)
			p.notFound = []string{"/no-such-page"}
			p.do(t, chromedp.EmulateViewport(size.w, size.h))
			for i, path := range pages {
				if i > 0 {
					// each page as a first visit: a repeat visit (the
					// service worker answers) skips the warm-up. The last
					// page's app registers the worker once it runs: wait
					// for that registration (5 s at most) before letting
					// it go, or it lands after and controls the next page.
					_, err := run(p, chromedp.Evaluate[bool](`Promise.race([navigator.serviceWorker.ready, new Promise(r => setTimeout(r, 5000))]).then(() => navigator.serviceWorker.getRegistrations()).then(rs => Promise.all(rs.map(r => r.unregister()))).then(() => true)`, chromedp.EvalAwaitPromise))
					require.NoError(t, err)
				}
				p.open(t, path)
				// the worker's warm-up run of the app's start on its
				// stand-in page (web/wasm-warm.js) went through to the
				// drawn page, not a fault of the stand-in
				assert.Equal(t, "ready", p.eval(t, `String(window.jifenWarmed)`), "warm-up of %s", path)
				assert.Equal(t, "1", p.eval(t, `String(window.jifenDownloads)`), "app.wasm downloaded once for %s, from boot.js's first word to the worker", path)
				assert.Equal(t, "page", p.eval(t, `String(window.jifenWorkerFrom)`), "a first visit's worker is made from the page's copy of its script: %s", path)
				vs := axeRun(t, p, src)
				assert.Empty(t, vs, "%s at %s", path, size.name)
			}
			// the checker itself finds a real violation
			_, err := run(p, chromedp.Evaluate[bool](`document.querySelector("main").insertAdjacentHTML("beforeend", '<input type="text" id="probe">'), true`))
			require.NoError(t, err)
			vs := axeRun(t, p, src)
			require.NotEmpty(t, vs, "axe finds an unlabelled input")
			assert.Equal(t, "label", vs[0].ID)
			p.check(t)
		})
	}
}

// press sends keys to the focused element.
func (p *page) press(t *testing.T, keys ...string) {
	t.Helper()
	for _, k := range keys {
		p.do(t, chromedp.KeyEvent(k))
	}
}

// tabTo presses Tab until the element sel has the focus.
func (p *page) tabTo(t *testing.T, sel string) {
	t.Helper()
	for i := 0; i < 40; i++ {
		if p.eval(t, `String(document.activeElement === document.querySelector(`+jsString(sel)+`))`) == "true" {
			return
		}
		p.press(t, kb.Tab)
	}
	t.Fatalf("Tab never reached %s", sel)
}

// waitScrollStill waits until the page has not scrolled for ten polls:
// a click is aimed at where an element is, and a smooth scroll (the app
// scrolls a question into view) moves it meanwhile.
func (p *page) waitScrollStill(t *testing.T) {
	t.Helper()
	p.waitFor(t, `window.__still = (window.__stillY === scrollY ? (window.__still || 0) + 1 : 0), window.__stillY = scrollY, window.__still >= 10`)
}

// waitQuestion waits until the self-test shows question n of 6.
func (p *page) waitQuestion(t *testing.T, n int) {
	t.Helper()
	p.waitFor(t, `document.querySelector(".quiz-count").textContent.includes("第 `+strconv.Itoa(n)+` / 6 题")`)
}

// throughSelfTest presses 下一题 on each of the six questions, as they
// are, and waits for the result.
func (p *page) throughSelfTest(t *testing.T) {
	t.Helper()
	for i := 1; i <= 6; i++ {
		p.waitQuestion(t, i)
		p.do(t, chromedp.Click(chromedp.CSS("#next")))
	}
	p.waitFor(t, `location.pathname === "/result" && !!document.querySelector("[data-testid=total]")`)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestKeyboardOnlySelfTest(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/")
	// 1 birth: no default; 下一题 first says so, then the year and the
	// month selects, each moved with the arrow key
	p.tabTo(t, "#next")
	p.press(t, kb.Enter)
	p.waitFor(t, `document.querySelector(".quiz [role=alert]").textContent.includes("出生年份和月份")`)
	for _, sel := range []string{"#birth-year", "#birth-month"} {
		p.tabTo(t, sel)
		p.press(t, kb.ArrowDown)
		p.waitFor(t, `document.querySelector(`+jsString(sel)+`).value !== ""`)
	}
	p.waitFor(t, `location.hash.includes("birth=")`)
	p.tabTo(t, "#next")
	p.press(t, kb.Enter)
	// 2 education: nothing chosen; into the group (its first answer, 博士),
	// then one down to 硕士
	p.waitQuestion(t, 2)
	assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("input[name=education]:checked").length)`), "no default")
	p.tabTo(t, `input[name=education]`)
	p.press(t, kb.ArrowDown)
	p.waitFor(t, `location.hash.includes("education=master")`)
	p.waitFor(t, `document.querySelector("input[name=education]:checked").value === "master"`)
	p.tabTo(t, "#next")
	p.press(t, kb.Enter)
	// 3 title: keep none
	p.waitQuestion(t, 3)
	p.tabTo(t, "#next")
	p.press(t, kb.Enter)
	// 4 insurance years: type 6, Enter submits
	p.waitQuestion(t, 4)
	p.tabTo(t, "#insurance_years")
	p.press(t, kb.Backspace, kb.Backspace, "6")
	p.waitFor(t, `document.querySelector("#insurance_years").value === "6"`)
	p.press(t, kb.Enter)
	// 5 base: two steps down, to 1×
	p.waitQuestion(t, 5)
	p.tabTo(t, `input[name=base_tier]:checked`)
	p.press(t, kb.ArrowDown)
	// the app has taken the answer when the address bar shows it
	p.waitFor(t, `location.hash.includes("base_tier=0.8")`)
	p.tabTo(t, `input[name=base_tier]:checked`) // still there after the app's update
	p.press(t, kb.ArrowDown)
	p.waitFor(t, `location.hash.includes("base_tier=1")`)
	p.waitFor(t, `document.querySelector("input[name=base_tier]:checked").value === "1"`)
	p.tabTo(t, "#next")
	p.press(t, kb.Enter)
	// 6 spouse: keep no, and see the result
	p.waitQuestion(t, 6)
	p.tabTo(t, "#next")
	p.press(t, kb.Enter)
	p.do(t, chromedp.WaitVisible(chromedp.CSS(`[data-testid=total]`)))

	assert.Equal(t, "/result", p.eval(t, `location.pathname`))
	frag := p.hash(t)
	for _, want := range []string{"education=master", "insurance_years=6", "base_tier=1"} {
		assert.Contains(t, frag, want)
	}
	assert.Equal(t, itoa(totalAt(t, frag, p.browserToday(t))), p.text(t, `[data-testid=total]`))
	p.check(t)
}

func itoa(n int) string { return strconv.Itoa(n) }
