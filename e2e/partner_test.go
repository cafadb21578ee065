package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

// The partner's side of the embed: a page on another origin with the
// snippet, which records every jifen:* event (with the div it came from)
// and every message it receives.

// serveHTML serves one page at / on a new origin: localhost and a free
// port (another site than 127.0.0.1, where bin/server listens, so the
// frames run in their own process as on a real partner's site).
func serveHTML(t *testing.T, html func(origin string) string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	origin := fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	body := html(origin)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return origin
}

// recorder is the partner page's script: events in window.got, messages
// in window.raw.
const recorder = `<script>
window.got = []; window.raw = [];
["jifen:ready", "jifen:step", "jifen:complete", "jifen:lead"].forEach(function (n) {
  document.addEventListener(n, function (e) { got.push({ type: e.type, id: e.target.id, detail: e.detail }); });
});
addEventListener("message", function (e) {
  var id = "";
  document.querySelectorAll("iframe").forEach(function (f) { if (f.contentWindow === e.source) id = f.id || f.parentNode.id; });
  raw.push({ id: id, origin: e.origin, data: e.data });
});
</script>`

// refusedHTTPS is an https address on a port that refuses connections:
// the contact page, which opens in a new tab and loads nothing.
func refusedHTTPS(t *testing.T, path string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return fmt.Sprintf("https://127.0.0.1:%d%s", port, path)
}

// frame drives the app inside one iframe of the page, through its own
// scripts (DOM queries do not reach into another process's frame).
type frame struct {
	t   *testing.T
	ctx context.Context
}

func attachFrame(t *testing.T, p *page, urlPart string) frame {
	ctx := frameContext(t, p, urlPart)
	// the first action on the frame's own context, which attaches to it;
	// one on a derived (timeout) context would detach when that ends
	require.NoError(t, chromedp.Do(ctx))
	return frame{t, ctx}
}

// poll waits until a condition holds in the frame; one that throws does
// not hold.
func (f frame) poll(cond string) {
	f.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	var err error
	for time.Now().Before(deadline) {
		var ok bool
		ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
		ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+cond+`) } catch (e) { return false } })()`))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	f.t.Fatalf("in the frame, waiting for %s (%v)", cond, err)
}

func (f frame) eval(js string) string {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	require.NoError(f.t, err, js)
	return s
}

// click presses an element once it is there, as a person's press would
// (with a user gesture, which a link to a new tab needs).
func (f frame) click(sel string) {
	f.t.Helper()
	f.poll(fmt.Sprintf(`document.querySelector(%q)`, sel))
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).click(), true`, sel), withGesture))
	require.NoError(f.t, err, sel)
}

func withGesture(p *runtime.EvaluateParams) {
	yes := true
	p.UserGesture = &yes
}

// text is an element's text, with no-break spaces as spaces.
func (f frame) text(sel string) string {
	f.t.Helper()
	f.poll(fmt.Sprintf(`document.querySelector(%q)`, sel))
	return strings.TrimSpace(strings.ReplaceAll(f.eval(fmt.Sprintf(`document.querySelector(%q).textContent`, sel)), "\u00a0", " "))
}

// finishQuiz presses 下一题 through the six questions of a prefilled
// self-test, each once it is on screen, and waits for the result.
func (f frame) finishQuiz() {
	f.t.Helper()
	f.poll(`window.jifenLoads > 0 && window.jifenReady === window.jifenLoads && !document.getElementById("app-wasm-loader")`)
	for i := 1; i <= 6; i++ {
		f.poll(fmt.Sprintf(`document.querySelector(".quiz-count").textContent === "第 %d / 6 题" && (document.querySelector("#next").click(), true)`, i))
	}
	f.poll(`document.querySelector("[data-testid=total]")`)
}

// expectedLead is what the partner should get for a profile at the
// browser's day, from package score natively: the lead's fields and the
// sentence the visitor reads before sending.
func expectedLead(t *testing.T, query string, today score.Date) (fields map[string]any, sentence string) {
	t.Helper()
	prof, probs := score.ParseQuery(query)
	require.Empty(t, probs)
	prof.AsOf = today
	r, err := score.Evaluate(prof)
	require.NoError(t, err)
	pl, err := score.PlanFrom(prof, r)
	require.NoError(t, err)
	var reach any
	sentence = fmt.Sprintf("总分 %d 分，", r.Total)
	switch {
	case r.MeetsStandard:
		sentence += fmt.Sprintf("已达到 %d 分", r.Standard)
	default:
		sentence += fmt.Sprintf("还差 %d 分", r.Gap)
	}
	if pl.ReachDate != nil {
		reach = fmt.Sprintf("%04d-%02d", pl.ReachDate.Year, int(pl.ReachDate.Month))
		if !r.MeetsStandard {
			sentence += fmt.Sprintf("，预计 %d 年 %d 月达到 %d 分", pl.ReachDate.Year, int(pl.ReachDate.Month), r.Standard)
		}
	}
	return map[string]any{"total": r.Total, "meets": r.MeetsStandard, "gap": r.Gap, "reach": reach}, sentence
}

// waitBehind polls a condition on a timer: once the contact page has
// opened in a new tab, this tab is in the background, where the default
// polling (requestAnimationFrame) never runs.
func (p *page) waitBehind(t *testing.T, cond string) {
	t.Helper()
	_, err := run(p, chromedp.Poll[bool](`(() => { try { return !!(`+cond+`) } catch (e) { return false } })()`, chromedp.WithPollingInterval(50*time.Millisecond)))
	require.NoError(t, err, "waiting for %s", cond)
}

// events are the partner page's events from one div, as [type, detail].
func (p *page) partnerEvents(t *testing.T, id string) string {
	return p.eval(t, fmt.Sprintf(`JSON.stringify(got.filter(e => e.id === %q).map(e => [e.type, e.detail]))`, id))
}

// waitPopup waits for a new tab at u and returns how many there are.
func waitPopup(t *testing.T, p *page, u string) {
	t.Helper()
	require.Eventually(t, func() bool {
		targets, err := chromedp.Targets(p.ctx)
		require.NoError(t, err)
		for _, tg := range targets {
			if tg.Type == "page" && tg.URL == u {
				return true
			}
		}
		return false
	}, stepTimeout, 100*time.Millisecond, "no new tab at %s", u)
}

// popups counts the tabs at u.
func popups(t *testing.T, p *page, u string) int {
	targets, err := chromedp.Targets(p.ctx)
	require.NoError(t, err)
	n := 0
	for _, tg := range targets {
		if tg.Type == "page" && tg.URL == u {
			n++
		}
	}
	return n
}

// stepEvents are the events of a straight run through the self-test.
func stepEvents() string {
	s := `[["jifen:ready",{}]`
	for i := 1; i <= 6; i++ {
		s += fmt.Sprintf(`,["jifen:step",{"step":%d,"of":6}]`, i)
	}
	return s + `,["jifen:complete",{}]]`
}

// TestPartnerEventsAndLead embeds the self-test plainly and sandboxed on
// a partner's page: the events come in order and carry no answers; the
// call to action shows exactly what will be sent and sends nothing until
// 发送并前往, then the lead's four fields and the contact page in a new
// tab.
func TestPartnerEventsAndLead(t *testing.T) {
	srv := startServer(t)
	ctaA, ctaB := refusedHTTPS(t, "/contact-a"), refusedHTTPS(t, "/contact-b")
	cases := []struct{ id, query, cta string }{
		{"plain", "birth=1990-06&education=bachelor&insurance_years=3", ctaA}, // below 120, reached later
		{"boxed", "birth=1992-03&education=bachelor_degree&insurance_years=2", ctaB},
	}
	partner := serveHTML(t, func(string) string {
		return `<!doctype html><html><head><meta charset="utf-8"><title>示例咨询</title></head><body><h1>示例咨询</h1>` + recorder +
			`<div id="plain" data-jifen-embed data-partner="示例咨询" data-cta="预约免费咨询" data-cta-url="` + ctaA + `" data-theme="#c0392b" data-profile="` + cases[0].query + `"></div>
<div id="boxed" data-jifen-embed data-sandbox data-cta-url="` + ctaB + `" data-profile="` + cases[1].query + `"></div>
<script src="` + srv.URL + `/web/embed.js" async></script></body></html>`
	})
	p := newPage(t, partner)
	p.allowed = []string{srv.URL}
	p.do(t, chromedp.Navigate(partner+"/"))
	today := p.browserToday(t)
	host := strings.TrimPrefix(partner, "http://")

	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			fields, sentence := expectedLead(t, c.query, today)
			f := attachFrame(t, p, c.cta[strings.LastIndex(c.cta, "/")+1:]) // in the frame's cta_url
			f.finishQuiz()
			p.waitFor(t, fmt.Sprintf(`got.some(e => e.id === %q && e.type === "jifen:complete")`, c.id))
			assert.Equal(t, stepEvents(), p.partnerEvents(t, c.id), "ready, each question, complete: nothing else")

			// the call to action, then what would be sent; nothing sent yet
			wantCTA := "预约咨询"
			if c.id == "plain" {
				wantCTA = "预约免费咨询"
			}
			assert.Equal(t, wantCTA, f.text("[data-testid=partner-cta]"))
			f.click("[data-testid=partner-cta]")
			consent := f.text("[data-testid=partner-consent]")
			name := "本页网站" // no data-partner
			if c.id == "plain" {
				name = "示例咨询"
			}
			assert.Contains(t, consent, "发送给"+name+"（"+host+"）？", "the name and the page the lead goes to, as the browser knows it")
			assert.Equal(t, sentence, f.text("[data-testid=consent-what]"))
			assert.Contains(t, consent, "发送并前往")
			assert.Contains(t, consent, "不用了")
			// 不用了 sends nothing and brings the button back
			f.click("[data-testid=partner-cancel]")
			f.poll(`document.querySelector("[data-testid=partner-cta]") && !document.querySelector("[data-testid=partner-consent]")`)
			f.click("[data-testid=partner-cta]")
			f.poll(`document.querySelector("[data-testid=partner-send]")`)
			assert.Equal(t, stepEvents(), p.partnerEvents(t, c.id), "no lead before 发送并前往")
			assert.Zero(t, popups(t, p, c.cta))

			f.click("[data-testid=partner-send]")
			p.waitBehind(t, fmt.Sprintf(`got.some(e => e.id === %q && e.type === "jifen:lead")`, c.id))
			var got map[string]any
			require.NoError(t, json.Unmarshal([]byte(p.eval(t, fmt.Sprintf(`JSON.stringify(got.find(e => e.id === %q && e.type === "jifen:lead").detail)`, c.id))), &got))
			want, _ := json.Marshal(fields)
			gotJSON, _ := json.Marshal(got)
			assert.JSONEq(t, string(want), string(gotJSON), "the lead: its four fields, nothing else")
			waitPopup(t, p, c.cta)
			assert.Contains(t, f.text("[data-testid=partner-sent]"), "已发送")
		})
	}

	// what reached the page: from our origin (or "null", the sandboxed
	// frame), with the fields of each type and no answer
	var raw []struct {
		ID     string         `json:"id"`
		Origin string         `json:"origin"`
		Data   map[string]any `json:"data"`
	}
	require.NoError(t, json.Unmarshal([]byte(p.eval(t, `JSON.stringify(raw)`)), &raw))
	keys := map[string]string{"jifen:resize": "height type", "jifen:ready": "type", "jifen:step": "of step type",
		"jifen:complete": "type", "jifen:lead": "gap meets reach total type"}
	for _, m := range raw {
		wantOrigin := srv.URL
		if m.ID == "boxed" {
			wantOrigin = "null"
		}
		assert.Equal(t, wantOrigin, m.Origin, m.ID)
		var ks []string
		for k := range m.Data {
			ks = append(ks, k)
		}
		assert.ElementsMatch(t, strings.Fields(keys[fmt.Sprint(m.Data["type"])]), ks, "fields of %v", m.Data["type"])
	}
	all := p.eval(t, `JSON.stringify(raw) + JSON.stringify(got)`)
	for _, answer := range []string{"1990", "1992", "bachelor", "insurance"} {
		assert.NotContains(t, all, answer, "no answer reaches the partner's page")
	}
	p.check(t)
}

// TestHostileParent frames /embed from a page that is not the parent it
// names, without a parent, and with "*": none of them gets any message;
// a frame that names this very page as its parent, the control, does.
func TestHostileParent(t *testing.T) {
	srv := startServer(t)
	partner := serveHTML(t, func(string) string { return "<!doctype html><title>partner</title>" })
	cta := url.QueryEscape(refusedHTTPS(t, "/contact"))
	hostile := serveHTML(t, func(self string) string {
		frame := func(id, query string, years int) string {
			return fmt.Sprintf(`<iframe id="%s" src="%s/embed?%s#birth=1990-06&education=bachelor&insurance_years=%d" width="380" height="600"></iframe>`, id, srv.URL, query, years)
		}
		return `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title></head><body>` + recorder +
			frame("liar", "parent="+url.QueryEscape(partner)+"&partner=X&cta_url="+cta, 3) +
			frame("none", "cta_url="+cta, 4) +
			frame("star", "parent=*&cta_url="+cta, 5) +
			frame("honest", "parent="+url.QueryEscape(self)+"&cta_url="+cta, 6) + `</body></html>`
	})
	p := newPage(t, hostile)
	p.allowed = []string{srv.URL}
	p.do(t, chromedp.Navigate(hostile+"/"))
	for _, years := range []int{3, 4, 5} {
		f := attachFrame(t, p, fmt.Sprintf("insurance_years=%d", years))
		f.finishQuiz()
		assert.Equal(t, "0", f.eval(`String(document.querySelectorAll("[data-testid=partner-cta]").length)`), "no call to action without a parent to send to")
	}
	// the control, last: once its messages are in, any of the others'
	// would be too
	f := attachFrame(t, p, "insurance_years=6")
	f.finishQuiz()
	f.poll(`document.querySelector("[data-testid=partner-cta]")`)
	p.waitFor(t, `raw.some(m => m.id === "honest" && m.data.type === "jifen:complete")`)
	assert.Equal(t, "[]", p.eval(t, `JSON.stringify(raw.filter(m => m.id !== "honest"))`), "a page that is not the declared parent gets nothing")
	assert.Contains(t, p.eval(t, `JSON.stringify(raw.filter(m => m.id === "honest").map(m => m.data.type))`), "jifen:resize")
	p.check(t)
}

// warnings records the console warnings of a page.
type warnings struct {
	mu   sync.Mutex
	list []string
}

func listenWarnings(ctx context.Context) *warnings {
	w := &warnings{}
	chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventConsoleAPICalled); ok && e.Type == runtime.ConsoleAPICalledTypeWarning {
			var parts []string
			for _, a := range e.Args {
				var s string
				if json.Unmarshal(a.Value, &s) != nil {
					s = string(a.Value)
				}
				parts = append(parts, s)
			}
			w.mu.Lock()
			w.list = append(w.list, strings.Join(parts, " "))
			w.mu.Unlock()
		}
	})
	return w
}

func (w *warnings) get() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.list...)
}

// TestPartnerBadAttributes: each bad attribute is left out with one
// console warning naming it; the self-test still runs and says it is
// ready.
func TestPartnerBadAttributes(t *testing.T) {
	srv := startServer(t)
	bad := map[string]string{
		"data-theme":   "red",
		"data-cta-url": "http://partner.example/contact",
		"data-partner": "",
		"data-cta":     "这是一个非常非常非常非常非常长的按钮文字",
		"data-height":  "abc",
	}
	partner := serveHTML(t, func(string) string {
		attrs := ""
		for k, v := range bad {
			attrs += " " + k + `="` + v + `"`
		}
		return `<!doctype html><html><head><meta charset="utf-8"><title>partner</title></head><body>` + recorder +
			`<div id="bad" data-jifen-embed` + attrs + `></div><script src="` + srv.URL + `/web/embed.js" async></script></body></html>`
	})
	p := newPage(t, partner)
	p.allowed = []string{srv.URL}
	w := listenWarnings(p.ctx)
	p.do(t, chromedp.Navigate(partner+"/"))
	p.waitFor(t, `got.some(e => e.type === "jifen:ready")`)
	ws := w.get()
	for attr := range bad {
		n := 0
		for _, s := range ws {
			if strings.Contains(s, "ignoring "+attr+`="`) {
				n++
			}
		}
		assert.Equal(t, 1, n, "one warning for %s in %q", attr, ws)
	}
	assert.Len(t, ws, len(bad), "no other warning")
	src, err := url.Parse(p.eval(t, `document.querySelector("#bad iframe").src`))
	require.NoError(t, err)
	assert.Equal(t, []string{"parent"}, keysOf(src.Query()), "bad values never reach the frame")
	p.check(t)
}

func keysOf(q url.Values) []string {
	var ks []string
	for k := range q {
		ks = append(ks, k)
	}
	return ks
}

// TestEmbedThemeContrast: a theme too light for white text is not used
// for texts and buttons, with one warning; a dark enough one colours the
// result's status.
func TestEmbedThemeContrast(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	w := listenWarnings(p.ctx)
	p.open(t, "/embed?theme=%23ffe066#birth=1990-06&education=bachelor")
	assert.Equal(t, "#0f6b5c", strings.TrimSpace(p.eval(t, `getComputedStyle(document.documentElement).getPropertyValue("--accent")`)))
	assert.Equal(t, "false", p.eval(t, `String(document.documentElement.classList.contains("themed"))`))
	n := 0
	for _, s := range w.get() {
		if strings.Contains(s, "data-theme #ffe066 has a contrast of 1.") {
			n++
		}
	}
	assert.Equal(t, 1, n, "one warning, with the ratio: %q", w.get())

	p.open(t, "/embed?theme=%23c0392b#birth=1990-06&education=bachelor&insurance_years=3")
	for i := 1; i <= 6; i++ {
		p.waitFor(t, fmt.Sprintf(`document.querySelector(".quiz-count").textContent === "第 %d / 6 题" && (document.querySelector("#next").click(), true)`, i))
	}
	p.waitFor(t, `document.querySelector(".hero-status")`)
	// the status in the partner's colour, darkened (white: 4.5:1 and more)
	dark := strings.TrimSpace(p.eval(t, `getComputedStyle(document.documentElement).getPropertyValue("--accent-dark")`))
	assert.NotEqual(t, "#0a5246", dark, "not ours")
	var r, g, b int
	_, err := fmt.Sscanf(dark, "#%02x%02x%02x", &r, &g, &b)
	require.NoError(t, err, dark)
	assert.Equal(t, fmt.Sprintf("rgb(%d, %d, %d)", r, g, b), p.eval(t, `getComputedStyle(document.querySelector(".hero-status")).color`))
	assert.InDelta(t, 0xc0*4/5, r, 1, "80 %% of #c0392b")
	// the month and the best path, one line each, without a call to action
	// (no parent, no lead)
	assert.Contains(t, p.text(t, "[data-testid=embed-reach]"), "预计")
	assert.Contains(t, p.text(t, "[data-testid=embed-path]"), "最快的办法")
	assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=partner-cta]").length)`))
	p.check(t)
}
