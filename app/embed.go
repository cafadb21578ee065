package app

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// /embed is the self-test inside a partner's page. web/embed.js builds
// its URL from the snippet's attributes: the embed's own options in the
// query (parent, theme, partner, cta, cta_url), the prefilled answers
// after "#". The frame talks to the page that framed it only through
// postMessage to the parent origin it was given, and only when that
// origin is valid (and, where the browser tells, really the parent):
//
//	{type: "jifen:resize", height}   web/boot.js, on every change of height
//	{type: "jifen:ready"}            the app runs, the first question is shown
//	{type: "jifen:step", step, of}   question step of of is on screen
//	{type: "jifen:complete"}         the result is shown (no answers, no score)
//	{type: "jifen:lead", total, meets, gap, reach}
//	                                 only when the visitor pressed 发送并前往
//
// embed.js turns them (except resize) into bubbling CustomEvents on the
// snippet's div.

// Limits of the partner's texts, in characters.
const (
	maxPartnerName = 30
	maxCTAText     = 16
	maxCTAURL      = 2000
)

// defaultCTA is the button text when the snippet gives a contact page
// but no text.
const defaultCTA = "预约咨询"

// minContrast is the WCAG AA contrast a theme colour needs against white
// to colour texts and buttons (white text on it, it on white cards).
const minContrast = 4.5

// ourAccent is the calculator's own accent, which a theme too light for
// text falls back to.
const ourAccent = "#0f6b5c"

// embedOptions are the embed's own options of this page load, from its
// query, each checked.
type embedOptions struct {
	parent  string // the parent origin messages go to; "" sends none
	partner string // the partner's name, shown to the visitor
	cta     string // the call to action's text
	ctaURL  string // the partner's contact page, https
}

// embedOpts are the options of the /embed page loaded in this frame
// (one app per frame): set by embedParams, read when the frame posts.
var embedOpts embedOptions

// hasCTA reports whether the result shows the partner's call to action:
// it needs a contact page and a parent to send the lead to.
func (o embedOptions) hasCTA() bool { return o.ctaURL != "" && o.parent != "" }

// ctaText is the button's text.
func (o embedOptions) ctaText() string {
	if o.cta != "" {
		return o.cta
	}
	return defaultCTA
}

// ParseTheme checks a theme colour for /embed: #rgb or #rrggbb, with or
// without the #. It returns the colour as #rrggbb.
func ParseTheme(s string) (string, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return "", false
	}
	for i := 0; i < 6; i++ {
		c := s[i] | 0x20 // lower case
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return "", false
		}
	}
	return "#" + strings.ToLower(s), true
}

// ParseParent checks the parent origin of /embed: scheme://host[:port],
// nothing more. It returns the origin with the host in lower case.
func ParseParent(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.Path != "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.User != nil {
		return "", false
	}
	host := strings.ToLower(u.Host)
	if u.Scheme == "https" {
		host = strings.TrimSuffix(host, ":443")
	} else {
		host = strings.TrimSuffix(host, ":80")
	}
	return u.Scheme + "://" + host, true // as the browser writes an origin
}

// parseCTAURL checks the partner's contact page: an absolute https URL
// without user name or password.
func parseCTAURL(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.Opaque != "" ||
		len(s) > maxCTAURL || strings.ContainsAny(s, " \t\r\n") {
		return "", false
	}
	return u.String(), true
}

// parseLabel checks a text the partner gives (their name, the button's
// text): trimmed, 1 to max characters, no control or format characters
// (which could reorder what the visitor reads).
func parseLabel(s string, max int) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > max {
		return "", false
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return "", false
		}
	}
	return s, true
}

// contrastWithWhite is the WCAG 2 contrast ratio of a #rrggbb colour
// with white.
func contrastWithWhite(hex string) float64 {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	lin := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(v>>16&0xff) + 0.7152*lin(v>>8&0xff) + 0.0722*lin(v&0xff)
	return 1.05 / (l + 0.05)
}

// ratioText writes a contrast ratio as "4.5:1", rounded down so that a
// ratio shown as passing does pass.
func ratioText(r float64) string {
	return strconv.FormatFloat(math.Floor(r*10)/10, 'f', 1, 64) + ":1"
}

// darker returns a #rrggbb colour at 80 % brightness, for hover states.
func darker(hex string) string {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	r, g, b := (v>>16&0xff)*4/5, (v>>8&0xff)*4/5, (v&0xff)*4/5
	return rgbHex(r<<16 | g<<8 | b)
}

// tint returns a #rrggbb colour mixed with white, 12 % of the colour, for
// soft backgrounds.
func tint(hex string) string {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	mix := func(c uint64) uint64 { return (c*12 + 255*88 + 50) / 100 }
	return rgbHex(mix(v>>16&0xff)<<16 | mix(v>>8&0xff)<<8 | mix(v&0xff))
}

func rgbHex(v uint64) string {
	s := strconv.FormatUint(v, 16)
	return "#" + strings.Repeat("0", 6-len(s)) + s
}

// embedKeys are the embed's own query keys, with the snippet attribute
// each comes from (named in warnings) and what a good value looks like.
var embedKeys = map[string][2]string{
	"parent":  {"parent", "want an origin such as https://partner.example (embed.js sets it)"},
	"theme":   {"data-theme", "want a colour such as #0f6b5c"},
	"partner": {"data-partner", "want a name of 1 to " + itoa(maxPartnerName) + " characters"},
	"cta":     {"data-cta", "want a button text of 1 to " + itoa(maxCTAText) + " characters"},
	"cta_url": {"data-cta-url", "want an https:// address such as https://partner.example/contact"},
}

// embedParams splits the query of /embed into the profile query and the
// embed's own parameters (parent, theme, partner, cta, cta_url), which it
// checks and keeps in embedOpts: a bad value is ignored with one console
// warning naming it, never an error page. None of them is a profile key.
func embedParams(ctx app.Context, raw string) (profile, extra string) {
	embedOpts = embedOptions{}
	var keep, own []string
	theme := ""
	for _, pair := range strings.Split(raw, "&") {
		k, v, _ := strings.Cut(pair, "=")
		about, isOwn := embedKeys[k]
		if !isOwn {
			if pair != "" {
				keep = append(keep, pair)
			}
			continue
		}
		val, err := url.QueryUnescape(v)
		ok := err == nil
		if ok {
			switch k {
			case "parent":
				embedOpts.parent, ok = ParseParent(val)
			case "theme":
				theme, ok = ParseTheme(val)
			case "partner":
				embedOpts.partner, ok = parseLabel(val, maxPartnerName)
			case "cta":
				embedOpts.cta, ok = parseLabel(val, maxCTAText)
			case "cta_url":
				embedOpts.ctaURL, ok = parseCTAURL(val)
			}
		}
		if ok {
			own = append(own, pair)
		} else {
			warn("jifen embed: ignoring " + about[0] + " (" + k + "=" + clip(val) + "): " + about[1])
		}
	}
	if embedOpts.parent != "" && !isParent(embedOpts.parent) {
		warn("jifen embed: ignoring parent=" + embedOpts.parent + ": it is not the page that shows this frame, so nothing is sent to it")
		embedOpts.parent = ""
	}
	if theme != "" {
		setTheme(theme)
	}
	return strings.Join(keep, "&"), strings.Join(own, "&")
}

// clip shortens a bad value for a warning.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}

// isParent reports whether origin can be the page that frames this one:
// false only when the browser names another origin as the parent
// (location.ancestorOrigins, not in every browser; elsewhere postMessage
// to the origin reaches only that origin anyway), or when not framed.
func isParent(origin string) bool {
	if !app.IsClient {
		return false
	}
	w := app.Window()
	if !w.Get("document").Get("documentElement").Get("classList").Call("contains", "framed").Bool() {
		return false // boot.js marks a framed document
	}
	anc := w.Get("location").Get("ancestorOrigins")
	if !anc.Truthy() || anc.Length() == 0 {
		return true
	}
	first := anc.Index(0).String()
	return first == "null" || first == origin // "null": hidden by the parent's referrer policy
}

// postParent posts a message to the parent origin, when there is one; a
// message that cannot be posted is dropped with a warning.
func postParent(msg map[string]any) {
	if !app.IsClient || embedOpts.parent == "" {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			warn("jifen embed: could not post " + msg["type"].(string) + " to the parent page")
		}
	}()
	app.Window().Get("parent").Call("postMessage", msg, embedOpts.parent)
}

func warn(msg string) {
	if app.IsClient {
		app.Window().Get("console").Call("warn", msg)
	}
}

// setTheme sets the accent colour through the CSS object model, which the
// strict Content-Security-Policy allows (no inline style). A colour with
// too little contrast with white for texts and buttons is not used: the
// embed keeps our colours, with one warning.
func setTheme(hex string) {
	if !app.IsClient {
		return
	}
	if r := contrastWithWhite(hex); r < minContrast {
		warn("jifen embed: data-theme " + hex + " has a contrast of " + ratioText(r) + " with white, below " +
			ratioText(minContrast) + ": texts and buttons keep the calculator's colour " + ourAccent + " (choose a darker shade)")
		return
	}
	root := app.Window().Get("document").Get("documentElement")
	st := root.Get("style")
	st.Call("setProperty", "--accent", hex)
	st.Call("setProperty", "--accent-dark", darker(hex))
	st.Call("setProperty", "--accent-soft", tint(hex))
	root.Get("classList").Call("add", "themed")
}

// mineLink is a link to the full site with the visitor's own answers
// (marked as theirs: the new tab saves them instead of treating them as
// someone's shared result).
func mineLink(path string, p score.Profile) string {
	if f := p.Encode(); f != "" {
		return path + "#" + f + "&" + mineKey
	}
	return path
}

// embedStatus is the embed's short verdict: the full one, with the
// conditions to confirm, is on the full site.
func embedStatus(r *score.Result) (string, string) {
	switch {
	case r.Vetoed:
		return "存在一票否决情形，不能申请积分", "status-bad"
	case r.MeetsStandard:
		return "积分已够 " + itoa(r.Standard) + " 分", "status-ok"
	}
	return "还没到 " + itoa(r.Standard) + " 分", "status-gap"
}

// renderEmbed is the compact self-test of /embed: no site chrome, a small
// link to the full site, the result in place.
func (c *selfTest) renderEmbed() app.UI {
	full := app.Elem("a").Class("embed-full").Attr("href", mineLink(PathSelfTest, c.pp.p)).Attr("target", "_blank").Attr("rel", "noopener").Text("完整版 ↗")
	var body app.UI
	if c.done {
		body = app.Elem("div").Class("embed-result").Body(
			&embedResult{Profile: c.pp.p},
			app.Elem("div").Class("actions").Body(
				app.Elem("a").Class(detailClass()).Attr("href", mineLink(PathResult, c.pp.p)).Attr("target", "_blank").Attr("rel", "noopener").Text("详细结果 ↗"),
				app.Elem("button").Attr("type", "button").Class("btn btn-ghost").Text("重新测试").OnClick(func(ctx app.Context, e app.Event) {
					c.done, c.step = false, 0
				}),
			),
			app.Elem("section").Class("card").Aria("labelledby", "items-title").Body(
				app.Elem("h2").ID("items-title").Text("每一分从哪里来"),
				itemList(c.res.Items),
			),
		)
	} else {
		body = c.renderQuiz()
	}
	return app.Elem("div").Class("page embed").Body(
		&frameEvents{Parent: embedOpts.parent, Step: c.step, Done: c.done},
		app.Elem("div").Class("embed-bar").Body(app.Elem("span").Text(SiteName), full),
		app.Elem("main").ID("main").Body(problemNotice(c.pp.probs), body),
		app.Elem("p").Class("embed-privacy").Text(embedPrivacy()),
	)
}

// detailClass is the class of 详细结果: the primary button unless the
// partner's call to action is there.
func detailClass() string {
	if embedOpts.hasCTA() {
		return "btn"
	}
	return "btn btn-primary"
}

// embedPrivacy is the embed's footer line: what stays in the browser and
// what the partner gets.
func embedPrivacy() string {
	s := "答案只在您的浏览器里计算，不会发给任何人。"
	if embedOpts.hasCTA() {
		s += "看完结果，您可以自己决定是否把总分和预计月份发给" + embedOpts.recipient() + "。"
	}
	return s + "结果仅供参考，积分以区人才服务中心核定为准。"
}
