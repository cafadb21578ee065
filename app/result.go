package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/guide"
	"jifen/score"
)

// resultPage shows the score of the page's profile: the total and its
// distance to 120, a bar and a reason per item, the warnings, the month
// 120 is reached and the best paths there. Its link is the share link.
type resultPage struct {
	app.Compo

	pp     pageProfile
	ready  bool // the profile is read (in the browser); before, a loading state
	res    score.Result
	plan   score.PlanResult
	err    score.Problems // the profile cannot be scored
	note   string         // what "用这些答案继续" did
	sheet  bool           // the share sheet is open
	copied string         // status of the copy button
	// status is the verdict under the score box (the guide's).
	status, statusClass string
	verdict             guide.Verdict
}

var _ app.Navigator = (*resultPage)(nil)

func (c *resultPage) OnNav(ctx app.Context) {
	setMeta(ctx, PathResult)
	c.sheet, c.copied, c.note = false, "", ""
	if !app.IsClient {
		return
	}
	c.pp = loadProfile(ctx, false)
	c.compute(ctx)
	c.ready = true
}

func (c *resultPage) compute(ctx app.Context) {
	c.err = nil
	if c.pp.empty() {
		return
	}
	res, err := score.Evaluate(c.pp.p)
	if err != nil {
		c.err = problemsOf(err)
		ctx.Page().SetTitle("结果无法计算 - " + SiteName)
		return
	}
	c.res = res
	c.plan, _ = score.PlanFrom(c.pp.p, res) // the result once, passed on
	confirmed := map[string]bool{}
	ctx.LocalStorage().Get(storeConditions, &confirmed)
	c.verdict = guide.Decide(res, confirmed)
	c.status, c.statusClass = verdictStatus(c.verdict)
	ctx.Page().SetTitle("我的居住证积分：" + strconv.Itoa(res.Total) + " 分 - " + SiteName)
}

func (c *resultPage) Render() app.UI {
	if !c.ready {
		return sitePage(PathResult, "", loadingHero("您的居住证积分"))
	}
	return sitePage(PathResult, "",
		problemNotice(c.pp.probs),
		c.renderShared(),
		c.renderBody(),
	).DataSet("q", "#"+c.pp.p.Encode())
}

// renderShared says that the page shows someone else's answers.
func (c *resultPage) renderShared() app.UI {
	return sharedNotice(&c.pp, c.note, func(ctx app.Context) {
		c.note = adopt(ctx, &c.pp)
	})
}

func (c *resultPage) renderBody() app.UI {
	switch {
	case c.pp.empty():
		return app.Elem("div").Class("notice notice-info").Role("status").Body(
			app.Elem("p").Text("还没有答案：先做 30 秒自测，或用完整计算器逐项填写，这里就会显示您的积分。"),
			app.Elem("div").Class("row").Body(
				app.Elem("a").Class("btn btn-primary").Attr("href", PathSelfTest).Text("开始自测"),
				app.Elem("a").Class("btn").Attr("href", PathCalc).Text("完整计算器"),
			),
		)
	case c.err != nil:
		return errorNotice(c.err)
	}
	r := &c.res
	return app.Elem("div").Body(
		scoreHero(r, heroLabel(&c.pp), c.status, c.statusClass),
		app.If(c.verdict.Kind == guide.ConfirmFirst, func() app.UI {
			return app.Elem("a").Class("more").Attr("href", link(PathGuide, c.pp.p)).Text("去申请指南确认这 " + strconv.Itoa(len(c.verdict.Unconfirmed)) + " 项 →")
		}),
		app.If(c.verdict.Kind == guide.CanApply, func() app.UI {
			return app.Elem("a").Class("more").Attr("href", link(PathGuide, c.pp.p)).Text("申请步骤和材料清单 →")
		}),
		c.renderPlan(),
		app.Elem("section").Class("card").Aria("labelledby", "items-title").Body(
			app.Elem("h2").ID("items-title").Text("每一分从哪里来"),
			itemList(r.Items),
		),
		warningList(r.Warnings),
		c.renderActions(),
		c.renderSheet(),
		app.Elem("p").Class("muted small").Text(r.RulesAsOf+"。"),
	)
}

// heroLabel names whose points the score box shows.
func heroLabel(pp *pageProfile) string {
	if pp.src == srcShared {
		return "链接中的居住证积分"
	}
	return "您的居住证积分"
}

func (c *resultPage) renderPlan() app.UI {
	pl := &c.plan
	r := &c.res
	if r.Vetoed || r.Retired || r.MeetsStandard {
		return nil
	}
	std := strconv.Itoa(r.Standard)
	if r.Age < 0 {
		return app.Elem("section").Class("card").Aria("labelledby", "plan-title").Body(
			app.Elem("h2").ID("plan-title").Text("什么时候能到 "+std+" 分"),
			app.Elem("p").Class("reach").Attr("data-testid", "reach").Text("没有出生年月，无法推算哪个月达到 "+std+" 分：年龄分随年龄变化。"),
			app.Elem("a").Class("more").Attr("href", link(PathCalc, c.pp.p)).Text("在完整计算器里填写出生年月 →"),
		)
	}
	when := pl.Stop.Text + "在这之前，如果其他情况不变，达不到 " + std + " 分。"
	if pl.ReachDate != nil {
		when = "如果其他情况不变、社保连续缴纳，预计 " + monthText(*pl.ReachDate) + "达到 " + std + " 分。"
	}
	paths := pl.Paths
	if len(paths) > 3 {
		paths = paths[:3]
	}
	return app.Elem("section").Class("card").Aria("labelledby", "plan-title").Body(
		app.Elem("h2").ID("plan-title").Text("什么时候能到 "+std+" 分"),
		app.Elem("p").Class("reach").Attr("data-testid", "reach").Text(when),
		app.If(len(paths) > 0, func() app.UI {
			return app.Elem("div").Body(
				app.Elem("h3").Text("更快达到的办法"),
				pathList(paths),
			)
		}),
		app.Elem("a").Class("more").Attr("href", link(PathPlan, c.pp.p)).Text("查看逐年走势图和推算的假设 →"),
	)
}

func (c *resultPage) renderActions() app.UI {
	guideCls, calcCls := "btn", "btn btn-primary"
	if c.res.MeetsStandard && !c.res.Vetoed && !c.res.Retired {
		guideCls, calcCls = calcCls, guideCls // enough points: applying comes next
	}
	return app.Elem("section").Class("actions").Aria("label", "下一步").Body(
		app.Elem("a").Class(guideCls).Attr("href", link(PathGuide, c.pp.p)).Text("申请指南"),
		app.Elem("a").Class(calcCls).Attr("href", link(PathCalc, c.pp.p)).Text("完整计算"),
		app.Elem("button").Attr("type", "button").ID("share").Class("btn").Aria("expanded", boolText(c.sheet)).Aria("controls", "share-sheet").
			Text("分享").OnClick(c.toggleSheet),
		app.Elem("a").Class("btn btn-ghost").Attr("href", link(PathSelfTest, c.pp.p)).Text("重新测试"),
	)
}

// toggleSheet opens the share sheet, in view, or closes it.
func (c *resultPage) toggleSheet(ctx app.Context, e app.Event) {
	c.sheet, c.copied = !c.sheet, ""
	if c.sheet {
		ctx.Defer(func(app.Context) { scrollTo("share-title", "start") })
	}
}

// scrollTo brings an element into view and gives it the focus.
func scrollTo(id, block string) {
	if el := app.Window().Get("document").Call("getElementById", id); el.Truthy() {
		el.Call("scrollIntoView", map[string]any{"block": block, "behavior": "smooth"})
		if el.Call("hasAttribute", "tabindex").Bool() {
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	}
}

// shareURL is the absolute link of this result: the answers after #.
func (c *resultPage) shareURL() string {
	origin := ""
	if app.IsClient {
		origin = app.Window().Get("location").Get("origin").String()
	}
	return origin + link(PathResult, c.pp.p)
}

func boolText(v bool) string {
	if v {
		return "true"
	}
	return "false"
}

// verdictStatus is the verdict under the score box: the guide's own, from
// the same result and the conditions confirmed on this device, so that
// the result and the guide never disagree.
func verdictStatus(v guide.Verdict) (status, class string) {
	switch v.Kind {
	case guide.Vetoed:
		return v.Headline, "status-bad"
	case guide.CanApply, guide.ConfirmFirst:
		return v.Headline, "status-ok"
	}
	return "", "status-gap" // the gap line above says it
}

// scoreHero is the score box: the total, how far it is from 120, a bar
// with a mark at 120 and the verdict.
func scoreHero(r *score.Result, label, status, class string) app.UI {
	return app.Elem("section").Class("card hero").Aria("labelledby", "total-label").Body(
		app.Elem("h1").ID("total-label").Class("hero-label").Text(label),
		app.Elem("p").Class("hero-total").Body(
			app.Elem("span").Class("total").Attr("data-testid", "total").Text(strconv.Itoa(r.Total)),
			app.Elem("span").Class("total-unit").Text(" 分"),
		),
		app.Elem("p").Class("hero-gap").Attr("data-testid", "gap").Text(gapText(r)),
		app.If(!r.Vetoed && !r.Retired, func() app.UI { return heroBar(r.Total, r.Standard) }),
		app.If(status != "", func() app.UI { return app.Elem("p").Class("hero-status " + class).Text(status) }),
	)
}

// gapText answers "how far from 120".
func gapText(r *score.Result) string {
	if r.Vetoed || r.Retired {
		return "积分只作参考：现在不能申请"
	}
	std := "标准 " + strconv.Itoa(r.Standard) + " 分 · "
	switch d := r.Total - r.Standard; {
	case d < 0:
		return std + "还差 " + strconv.Itoa(-d) + " 分"
	case d == 0:
		return std + "刚好达到"
	default:
		return std + "已超出 " + strconv.Itoa(d) + " 分"
	}
}

// loadingHero is the score box before the app has read the answers: no
// number, so that nobody sees figures that are not theirs.
func loadingHero(label string) app.UI {
	return app.Elem("div").Class("loading-main").Body(
		app.Elem("section").Class("card hero").Aria("busy", "true").Body(
			app.Elem("p").Class("hero-label").Text(label),
			app.Elem("p").Class("hero-total").Body(
				app.Elem("span").Class("total total-loading").Attr("data-testid", "total").Text("正在计算…"),
			),
			app.Elem("p").Class("hero-gap").Text("您的答案只在这台设备上计算"),
			heroBar(-1, stdScore),
			app.Elem("p").Class("hero-status").Text(" "),
		),
	)
}

// heroBar draws the total on a scale that always shows 120, with a
// labelled mark at 120 (total < 0: an empty bar, while loading).
func heroBar(total, std int) app.UI {
	full := max(std*4/3, total+total/8)
	w := 0
	if total > 0 {
		w = min(300, total*300/full)
	}
	x := strconv.Itoa(std * 300 / full)
	return app.Raw(`<svg class="hero-bar" viewBox="0 0 300 30" aria-hidden="true" focusable="false">` +
		`<rect class="bar-bg" y="4" width="300" height="10" rx="5"></rect>` +
		`<rect class="bar-fg" y="4" width="` + strconv.Itoa(w) + `" height="10" rx="5"></rect>` +
		`<line class="mark-120" data-testid="mark-120" x1="` + x + `" x2="` + x + `" y1="0" y2="18"></line>` +
		`<text class="mark-label" x="` + x + `" y="29" text-anchor="middle">` + strconv.Itoa(std) + `</text></svg>`)
}

// itemList shows every item: points, a bar scaled to the item's own
// maximum, the reason and, below high confidence, a badge.
func itemList(items []score.Item) app.UI {
	return app.Elem("ul").Class("items").Body(app.Range(items).Slice(func(i int) app.UI {
		return itemRow(items[i])
	}))
}

func itemRow(it score.Item) app.UI {
	cls := "item"
	if it.Points < 0 {
		cls += " item-minus"
	}
	return app.Elem("li").Class(cls).DataSet("id", it.ID).Body(
		app.Elem("div").Class("item-head").Body(
			app.Elem("span").Class("item-name").Text(it.Name),
			app.Elem("span").Class("item-points").Text(signed(it.Points)+" 分"),
		),
		bar(it.Points, itemMax(it), ""),
		app.Elem("p").Class("item-why").Text(para(it.Why)),
		confBadge(it.Confidence, it.Dispute),
	)
}

// itemMax is the scale of an item's bar: the most the item can score, or
// for an item without a cap the larger of the standard and its points.
func itemMax(it score.Item) int {
	if it.Max > 0 {
		return it.Max
	}
	return max(stdScore, it.Points, -it.Points)
}

// stdScore is the standard score today, for drawing and the pages'
// headings: a result's own figures use its Standard.
var (
	stdScore = score.StandardAt(score.Today())
	stdText  = strconv.Itoa(stdScore)
)

// confBadge marks a rule below high confidence, with its dispute in one
// line.
func confBadge(c score.Confidence, dispute string) app.UI {
	if c == score.High {
		return nil
	}
	label := "规则有争议"
	if c == score.Low {
		label = "未确认"
	}
	return app.Elem("p").Class("conf conf-"+string(c)).Body(
		app.Elem("span").Class("badge").Text(label),
		app.If(dispute != "", func() app.UI { return app.Text(" " + dispute) }),
	)
}

func warningList(ws []string) app.UI {
	if len(ws) == 0 {
		return nil
	}
	return app.Elem("section").Class("card").Aria("labelledby", "warn-title").Body(
		app.Elem("h2").ID("warn-title").Text("请注意"),
		app.Elem("ul").Class("warnings").Body(app.Range(ws).Slice(func(i int) app.UI {
			return app.Elem("li").Text(para(ws[i]))
		})),
	)
}

func pathList(paths []score.Path) app.UI {
	return app.Elem("ol").Class("paths").Body(app.Range(paths).Slice(func(i int) app.UI {
		p := paths[i]
		return app.Elem("li").Class("path").Body(
			app.Elem("p").Class("path-change").Text(p.Change),
			app.Elem("p").Class("path-gain").Text("+"+strconv.Itoa(p.PointsGained)+" 分，预计 "+monthText(p.ReachDate)+"达到 "+strconv.Itoa(stdScore)+" 分"),
			app.Elem("p").Class("small muted").Text(p.Detail),
		)
	}))
}

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
