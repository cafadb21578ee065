package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inPreview runs a script in the /partners preview frame (same origin:
// reached through contentDocument), with d its document.
func inPreview(js string) string {
	return `(() => { const f = document.querySelector("#preview iframe"); const d = f.contentDocument, w = f.contentWindow; ` + js + ` })()`
}

// TestPartnersConfigurator: the fields change the snippet as one types
// and the live preview (the real embed) after a pause; the preview fits
// its content; going through it shows the events this page gets,
// the lead last, with what the visitor was shown.
func TestPartnersConfigurator(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/partners")
	p.waitFor(t, `document.querySelector("#preview iframe")`)
	p.waitFor(t, `document.querySelector("[data-testid=preview-events]").textContent.includes("jifen:ready")`)
	assert.Contains(t, p.text(t, "[data-testid=preview-events]"), `jifen:step {"step":1,"of":6}`)
	assert.NotContains(t, p.text(t, "[data-testid=snippet]"), "data-cta-url", "no contact page yet")

	cta := "https://partner.example/contact?from=jifen"
	p.do(t,
		typeInto("#cfg-partner", "示例咨询"),
		typeInto("#cfg-cta", "预约免费咨询"),
		typeInto("#cfg-cta-url", "http://partner.example/contact"),
	)
	p.waitFor(t, `document.querySelector("#cfg-cta-url-err") && document.querySelector("[data-testid=snippet]").textContent.includes("预约免费咨询")`)
	assert.Equal(t, "true", p.eval(t, `document.querySelector("#cfg-cta-url").getAttribute("aria-invalid")`))
	assert.NotContains(t, p.text(t, "[data-testid=snippet]"), "data-cta-url", "an http address is not used")
	p.do(t, typeInto("#cfg-cta-url", cta), typeInto("#cfg-theme-hex", "#ffe066"))
	p.waitFor(t, `!document.querySelector("#cfg-cta-url-err")`)
	// a light colour is said to be too light; the picker follows the typed colour
	p.waitFor(t, `document.querySelector("[data-testid=contrast]").textContent.includes("太浅") && document.querySelector("#cfg-theme").value === "#ffe066"`)
	p.do(t, typeInto("#cfg-theme", "#8e44ad")) // the picker sends input events
	p.waitFor(t, `document.querySelector("#cfg-theme-hex").value === "#8e44ad" && document.querySelector("[data-testid=snippet]").textContent.includes("#8e44ad")`)
	assert.NotContains(t, p.text(t, "[data-testid=contrast]"), "太浅")
	snippet := p.text(t, "[data-testid=snippet]")
	for _, attr := range []string{`data-partner="示例咨询"`, `data-cta="预约免费咨询"`, `data-cta-url="https://partner.example/contact?from=jifen"`, `data-theme="#8e44ad"`, srv.URL + `/web/embed.js`} {
		assert.Contains(t, snippet, attr)
	}

	// the preview follows, with a new frame
	p.waitFor(t, `document.querySelector("#preview iframe").src.includes("theme=%238e44ad") && document.querySelector("#preview iframe").src.includes("cta_url=")`)
	p.waitFor(t, inPreview(`return w.jifenLoads > 0 && w.jifenReady === w.jifenLoads && !d.getElementById("app-wasm-loader")`))
	p.waitFor(t, `document.querySelector("[data-testid=preview-events]").textContent.split("jifen:ready").length === 3`)
	assert.Contains(t, p.text(t, "[data-testid=preview-events]"), "jifen:ready {}\njifen:step {\"step\":1,\"of\":6}\njifen:ready {}\njifen:step {\"step\":1,\"of\":6}", "the new frame starts again")
	// answer as a visitor in the preview
	p.waitFor(t, inPreview(`const y = d.querySelector("#birth-year"), m = d.querySelector("#birth-month");
		y.value = "1990"; y.dispatchEvent(new w.Event("change", {bubbles: true}));
		m.value = "6"; m.dispatchEvent(new w.Event("change", {bubbles: true}));
		d.querySelector("#next").click(); return true`))
	p.waitFor(t, inPreview(`const r = d.querySelector("input[name=education][value=bachelor]"); if (!r) return false; r.click(); d.querySelector("#next").click(); return true`))
	for i := 3; i <= 6; i++ {
		p.waitFor(t, inPreview(fmt.Sprintf(`return d.querySelector(".quiz-count").textContent === "第 %d / 6 题" && (d.querySelector("#next").click(), true)`, i)))
	}
	p.waitFor(t, inPreview(`return d.querySelector("[data-testid=partner-cta]").textContent === "预约免费咨询"`))
	// no empty space below the embed: the frame is as tall as its page
	p.waitFor(t, inPreview(`return Math.abs(parseFloat(f.style.height) - Math.ceil(d.body.getBoundingClientRect().height)) <= 1`))
	p.eval(t, inPreview(`d.querySelector("[data-testid=partner-cta]").click(); return ""`))
	p.waitFor(t, inPreview(`return d.querySelector("[data-testid=partner-consent]")`))
	consent := p.eval(t, inPreview(`return d.querySelector("[data-testid=partner-consent]").textContent`))
	assert.Contains(t, consent, "示例咨询（"+strings.TrimPrefix(srv.URL, "http://")+"）", "the name and the host of the page that gets it")
	assert.Contains(t, consent, "partner.example", "the contact page's host")
	assert.NotContains(t, p.text(t, "[data-testid=preview-events]"), "jifen:lead")
	_, err := run(p, chromedp.Evaluate[string](inPreview(`d.querySelector("[data-testid=partner-send]").click(); return ""`), withGesture))
	require.NoError(t, err)
	p.waitBehind(t, `document.querySelector("[data-testid=preview-events]").textContent.includes("jifen:lead")`)
	log := p.text(t, "[data-testid=preview-events]")
	i := strings.Index(log, "jifen:lead ")
	require.GreaterOrEqual(t, i, 0, log)
	var lead map[string]any
	require.NoError(t, json.NewDecoder(strings.NewReader(log[i+len("jifen:lead "):])).Decode(&lead), log)
	assert.ElementsMatch(t, []string{"total", "meets", "gap", "reach"}, keysOfMap(lead))
	q := "birth=1990-06&education=bachelor"
	fields, sentence := expectedLead(t, q, p.browserToday(t))
	want, _ := json.Marshal(fields)
	got, _ := json.Marshal(lead)
	assert.JSONEq(t, string(want), string(got))
	assert.Contains(t, strings.ReplaceAll(consent, "\u00a0", " "), sentence, "what the visitor read is what was sent")
	assert.Contains(t, p.text(t, "[data-testid=example-listener]"), "jifen:lead")
	waitPopup(t, p, cta)
	p.check(t)
}

func keysOfMap(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
