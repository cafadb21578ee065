package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// frameEvents tells the parent page where the visitor is, without any
// answer: jifen:ready once the app runs, jifen:step for each question on
// screen (the first too, and again after 重新测试), jifen:complete when
// the result is shown. It draws nothing. Parent is the parent origin:
// go-app mounts a page's components before its OnNav reads the query, so
// the messages start when Parent arrives.
type frameEvents struct {
	app.Compo
	Parent string
	Step   int  // the question on screen, from 0
	Done   bool // the result is shown

	ready bool   // jifen:ready was posted
	last  string // the last step or completion posted
}

var (
	_ app.Mounter = (*frameEvents)(nil)
	_ app.Updater = (*frameEvents)(nil)
)

// OnMount posts what is on screen, if the parent is known already; it
// draws nothing, so no update.
func (f *frameEvents) OnMount(ctx app.Context) {
	f.post()
	ctx.PreventUpdate()
}

// OnUpdate posts what is on screen now: go-app calls it when a field
// changed.
func (f *frameEvents) OnUpdate(ctx app.Context) { f.post() }

func (f *frameEvents) post() {
	if f.Parent == "" || f.Parent != embedOpts.parent {
		return
	}
	if !f.ready {
		f.ready = true
		postParent(map[string]any{"type": "jifen:ready"})
	}
	now := "step " + itoa(f.Step)
	if f.Done {
		now = "complete"
	}
	if now == f.last {
		return
	}
	f.last = now
	if f.Done {
		postParent(map[string]any{"type": "jifen:complete"})
		return
	}
	postParent(map[string]any{"type": "jifen:step", "step": f.Step + 1, "of": stepCount})
}

// Render draws nothing.
func (f *frameEvents) Render() app.UI {
	return app.Elem("span").Attr("hidden", true)
}

// lead is all the partner gets, and only once the visitor has seen it and
// pressed 发送并前往: the total, whether it meets the standard, the gap
// and the month it is projected to meet it (nil: none).
type lead struct {
	total, gap, std int
	meets           bool
	reach           *score.Date
}

// leadOf is the lead of a result and its plan. The reach month is the
// plan's (this month when the standard is met; none when vetoed, past
// retirement or not reached before the projection ends).
func leadOf(r *score.Result, pl *score.PlanResult) lead {
	l := lead{total: r.Total, gap: r.Gap, std: r.Standard, meets: r.MeetsStandard}
	if pl.ReachDate != nil && !r.Vetoed && !r.Retired {
		d := *pl.ReachDate
		l.reach = &d
	}
	return l
}

// message is the jifen:lead message: these four fields and nothing else.
func (l lead) message() map[string]any {
	var reach any // null
	if l.reach != nil {
		reach = fmt.Sprintf("%04d-%02d", l.reach.Year, int(l.reach.Month))
	}
	return map[string]any{"type": "jifen:lead", "total": l.total, "meets": l.meets, "gap": l.gap, "reach": reach}
}

// text says in words exactly what message sends.
func (l lead) text() string {
	s := "总分 " + itoa(l.total) + " 分，"
	switch {
	case l.meets:
		return para(s + "已达到 " + itoa(l.std) + " 分")
	case l.gap == 0:
		s += "现在不能申请"
	default:
		s += "还差 " + itoa(l.gap) + " 分"
	}
	if l.reach != nil {
		return para(s + "，预计 " + monthText(*l.reach) + "达到 " + itoa(l.std) + " 分")
	}
	return para(s + "，没有预计达到的月份")
}

// recipient names who gets the lead: the partner's name as the snippet
// gives it (else 本页网站), and the parent's host, to which alone the
// browser delivers.
func (o embedOptions) recipient() string {
	host := strings.TrimPrefix(strings.TrimPrefix(o.parent, "https://"), "http://")
	name := o.partner
	if name == "" {
		name = "本页网站"
	}
	return name + "（" + host + "）"
}

// ctaHost is the host of the contact page, shown before it opens.
func (o embedOptions) ctaHost() string {
	s := strings.TrimPrefix(o.ctaURL, "https://")
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return s
}

// embedResult is the embed's result: the score box, for a total below the
// standard the month it is reached and the best single path, then the
// partner's call to action with its consent step.
type embedResult struct {
	app.Compo
	Profile score.Profile

	key     string // the profile computed
	res     score.Result
	plan    score.PlanResult
	err     error
	consent bool // the consent step is open
	sent    bool // the lead was sent
	// mounted is the component's own context: a handler's context is its
	// button's, and go-app drops what it defers once the button is gone
	// (as the call to action is when the consent step opens)
	mounted app.Context
}

var _ app.Mounter = (*embedResult)(nil)

// OnMount keeps the component's context; nothing drawn changes.
func (c *embedResult) OnMount(ctx app.Context) {
	c.mounted = ctx
	ctx.PreventUpdate()
}

// compute evaluates the profile once (and again only if it changes).
func (c *embedResult) compute() {
	key := c.Profile.Encode()
	if key == c.key && (c.res.Standard != 0 || c.err != nil) {
		return
	}
	c.key, c.consent, c.sent = key, false, false
	c.res, c.err = score.Evaluate(c.Profile)
	if c.err == nil {
		c.plan, _ = score.PlanFrom(c.Profile, c.res)
	}
}

// Render draws the result.
func (c *embedResult) Render() app.UI {
	c.compute()
	if c.err != nil {
		return errorNotice(problemsOf(c.err))
	}
	r := &c.res
	status, class := embedStatus(r)
	return app.Elem("div").Body(
		scoreHero(r, "您的居住证积分", status, class),
		c.renderPlan(),
		c.renderCTA(),
	)
}

// renderPlan is, below the standard, the month it is reached and the best
// single change: one line each.
func (c *embedResult) renderPlan() app.UI {
	r, pl := &c.res, &c.plan
	if r.Vetoed || r.Retired || r.MeetsStandard {
		return nil
	}
	std := itoa(r.Standard)
	var when string
	switch {
	case r.Age < 0:
		when = "没有出生年月，无法推算哪个月达到 " + std + " 分。"
	case pl.ReachDate != nil:
		when = "预计 " + monthText(*pl.ReachDate) + "达到 " + std + " 分（社保连续缴纳、其他情况不变）。"
	default:
		when = pl.Note
	}
	return app.Elem("section").Class("card embed-plan").Aria("label", "什么时候能到 "+std+" 分").Body(
		app.Elem("p").Class("embed-line").Attr("data-testid", "embed-reach").Text(para(when)),
		app.If(len(pl.Paths) > 0 && r.Age >= 0, func() app.UI {
			p := pl.Paths[0]
			return app.Elem("p").Class("embed-line").Attr("data-testid", "embed-path").Body(
				app.Elem("strong").Text("最快的办法："),
				app.Text(para(p.Change+"，预计 "+monthText(p.ReachDate)+"达到 "+std+" 分。")),
			)
		}),
	)
}

// renderCTA is the partner's call to action: the button, then on a press
// exactly what will be sent, with 发送并前往 and 不用了; nothing is sent
// before 发送并前往.
func (c *embedResult) renderCTA() app.UI {
	o := embedOpts
	if !o.hasCTA() {
		return nil
	}
	l := leadOf(&c.res, &c.plan)
	switch {
	case c.sent:
		return app.Elem("section").Class("card partner-box").Attr("data-testid", "partner-sent").Body(
			app.Elem("p").ID("partner-sent-msg").TabIndex(-1).Role("status").Text("已发送给"+o.recipient()+"，并在新标签页打开了它的页面。"),
			app.Elem("a").Class("more").Attr("href", o.ctaURL).Attr("target", "_blank").Attr("rel", "noopener noreferrer").
				Text("没有打开？前往 "+o.ctaHost()+" ↗"),
		)
	case !c.consent:
		return app.Elem("section").Class("card partner-box").Aria("label", o.ctaText()).Body(
			app.Elem("button").Attr("type", "button").ID("partner-cta").Class("btn btn-primary btn-wide").
				Attr("data-testid", "partner-cta").Aria("expanded", "false").Aria("controls", "partner-consent").
				Text(o.ctaText()).OnClick(c.openConsent),
			app.Elem("p").Class("small muted partner-by").Text("由"+o.recipient()+"提供。按下后先给您看要发送的内容，由您决定是否发送。"),
		)
	}
	return app.Elem("section").ID("partner-consent").Class("card partner-box partner-consent").
		Attr("data-testid", "partner-consent").Aria("labelledby", "consent-title").Body(
		app.Elem("h2").ID("consent-title").TabIndex(-1).Text("发送给"+o.recipient()+"？"),
		app.Elem("p").Text("对方只会收到下面这一句："),
		app.Elem("p").Class("consent-what").Attr("data-testid", "consent-what").Text(l.text()),
		app.Elem("p").Class("small").Text("不发送您的出生年月、学历、社保等任何答案，也没有您的姓名和电话。按“发送并前往”后，会在新标签页打开 "+o.ctaHost()+" 的页面。"),
		app.Elem("div").Class("row consent-actions").Body(
			app.Elem("a").Class("btn btn-primary").Attr("data-testid", "partner-send").Attr("href", o.ctaURL).
				Attr("target", "_blank").Attr("rel", "noopener noreferrer").Text("发送并前往").OnClick(c.send),
			app.Elem("button").Attr("type", "button").Class("btn btn-ghost").Attr("data-testid", "partner-cancel").
				Text("不用了").OnClick(c.cancel),
		),
	)
}

func (c *embedResult) openConsent(ctx app.Context, e app.Event) {
	c.consent = true
	c.mounted.Defer(func(app.Context) { scrollTo("consent-title", "nearest") })
}

func (c *embedResult) cancel(ctx app.Context, e app.Event) {
	c.consent = false
	c.mounted.Defer(func(app.Context) { focusID("partner-cta") })
}

// focusID gives an element the focus, scrolling it into view if needed.
func focusID(id string) {
	if el := app.Window().Get("document").Call("getElementById", id); el.Truthy() {
		el.Call("focus")
	}
}

// send posts the lead, once; the link itself opens the contact page in a
// new tab (a link, not window.open: it works in sandboxed frames with
// allow-popups and needs no script on the partner's page).
func (c *embedResult) send(ctx app.Context, e app.Event) {
	if !c.sent {
		postParent(leadOf(&c.res, &c.plan).message())
	}
	c.sent, c.consent = true, false
	c.mounted.Defer(func(app.Context) { focusID("partner-sent-msg") }) // for when the visitor comes back
}
