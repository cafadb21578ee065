package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// planPage is the plan at /plan: the month 120 is reached, a yearly
// chart, the assumptions and the paths that get there sooner.
type planPage struct {
	app.Compo
	profilePage

	plan score.PlanResult
	err  score.Problems
}

var _ app.Navigator = (*planPage)(nil)

func (c *planPage) OnNav(ctx app.Context) {
	if !c.open(ctx, PathPlan) {
		return
	}
	c.err = nil
	if pl, err := score.Plan(c.pp.p); err != nil {
		c.err = problemsOf(err)
	} else {
		c.plan = pl
	}
	c.ready = true
}

func (c *planPage) Render() app.UI {
	if !c.ready {
		return sitePage(PathPlan, "", app.Elem("h1").Class("page-title").Text(PageOf(PathPlan).Title), loadingHero("目前积分"))
	}
	return sitePage(PathPlan, "",
		app.Elem("h1").Class("page-title").Text(PageOf(PathPlan).Title),
		c.notices(),
		c.renderBody(),
	)
}

func (c *planPage) renderBody() app.UI {
	if c.err != nil {
		return errorNotice(c.err)
	}
	if c.pp.empty() {
		return app.Elem("div").Class("notice notice-info").Role("status").Body(
			app.Elem("p").Text("还没有答案：先做 30 秒自测或用完整计算器填写，这里会按您的情况推算哪个月达到 "+stdText+" 分。"),
			app.Elem("a").Class("btn btn-primary").Attr("href", PathSelfTest).Text("开始自测"),
		)
	}
	pl := &c.plan
	std := strconv.Itoa(pl.Standard)
	if r := pl.Result; r != nil && (r.Retired || r.Age < 0) {
		text := "已到法定退休年龄：不能再申请积分，也就不再推算。"
		if r.Age < 0 {
			text = "没有出生年月，无法推算：年龄分随年龄变化。请先填写出生年月。"
		}
		return app.Elem("div").Body(
			app.Elem("section").Class("card").Body(
				app.Elem("p").Class("reach").Attr("data-testid", "reach").Text("目前 "+strconv.Itoa(pl.Total)+" 分。"+text),
			),
			c.renderRetire(),
			app.Elem("nav").Class("actions").Aria("label", "下一步").Body(
				app.Elem("a").Class("btn btn-primary").Attr("href", link(PathCalc, c.pp.p)).Text("修改答案"),
			),
		)
	}
	summary := "目前 " + strconv.Itoa(pl.Total) + " 分。"
	switch {
	case pl.Vetoed:
		summary += pl.Note
	case pl.ReachDate != nil && *pl.ReachDate == pl.AsOf:
		summary += "已达到 " + std + " 分标准分值。"
	case pl.ReachDate != nil:
		summary += "如果其他情况不变、社保连续缴纳，预计 " + monthText(*pl.ReachDate) + "达到 " + std + " 分。"
	default:
		summary += pl.Note
	}
	return app.Elem("div").Body(
		app.Elem("section").Class("card").Body(
			app.Elem("p").Class("reach").Attr("data-testid", "reach").Text(summary),
			app.Raw(planChart(pl)),
			app.Elem("details").Class("assume").Body(
				app.Elem("summary").Text("逐年数字"),
				app.Elem("table").Class("table").Body(
					app.Elem("thead").Body(app.Elem("tr").Body(th("日期"), th("年龄"), th("社保年限"), th("总分"))),
					app.Elem("tbody").Body(app.Range(pl.Timeline).Slice(func(i int) app.UI {
						y := pl.Timeline[i]
						age := "—"
						if y.Age >= 0 {
							age = strconv.Itoa(y.Age)
						}
						return app.Elem("tr").Body(td(monthText(y.Date)), td(age), td(strconv.Itoa(y.InsuranceYears)), td(strconv.Itoa(y.Total)))
					})),
				),
			),
		),
		app.If(len(pl.Paths) > 0, func() app.UI {
			return app.Elem("section").Class("card").Body(
				app.Elem("h2").Text("更快达到 "+std+" 分的办法"),
				pathList(pl.Paths),
			)
		}),
		c.renderRetire(),
		app.Elem("section").Class("card").Body(
			app.Elem("h2").Text("推算的假设"),
			app.Elem("ul").Class("warnings").Body(app.Range(pl.Assume).Slice(func(i int) app.UI {
				if pl.Assume[i] == pl.Stop.Text {
					return nil // said above, beside the retirement group
				}
				return app.Elem("li").Text(pl.Assume[i])
			})),
		),
		app.Elem("nav").Class("actions").Aria("label", "下一步").Body(
			app.Elem("a").Class("btn btn-primary").Attr("href", link(PathCalc, c.pp.p)).Text("修改答案"),
			app.Elem("a").Class("btn").Attr("href", link(PathGuide, c.pp.p)).Text("申请指南"),
		),
	)
}

// renderRetire asks the retirement group, which decides where the plan
// stops; a change is the visitor's own answer.
func (c *planPage) renderRetire() app.UI {
	f := score.FieldByKey("retire_group")
	return app.Elem("section").Class("card").Aria("labelledby", "retire-title").Body(
		app.Elem("h2").ID("retire-title").Text("推算到哪一年"),
		app.Elem("div").Class("field-row").Body(
			app.Elem("label").Attr("for", "plan-retire").Class("field-label").Text(f.Label),
			optionSelect("plan-retire", f.Options(c.plan.AsOf), f.Text(&c.pp.p), c.setRetire, "retire").Aria("describedby", "plan-retire-help"),
		),
		app.Elem("p").Class("reach-stop").Attr("data-testid", "stop").Text(c.plan.Stop.Text),
		app.Elem("p").ID("plan-retire-help").Class("hint").Text(para(score.FieldHelp("retire_group", c.plan.AsOf))),
	)
}

func (c *planPage) setRetire(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if v == optUnset {
		v = ""
	}
	score.FieldByKey("retire_group").Set(&c.pp.p, v)
	if pl, err := score.Plan(c.pp.p); err == nil {
		c.plan = pl
	}
	edited(ctx, &c.pp)
}

// planChart draws the yearly totals as an SVG chart of our own: the total,
// the 120 line, age points falling and insurance points rising, labelled.
func planChart(pl *score.PlanResult) string {
	ys := pl.Timeline
	if len(ys) == 0 {
		return "<div></div>"
	}
	lg := score.ChartLegend(pl.AsOf)
	const w, h, left, right, top, bottom = 360.0, 230.0, 34.0, 12.0, 14.0, 30.0
	hi := pl.Standard + pl.Standard/6 // room above the standard line
	for _, y := range ys {
		hi = max(hi, y.Total, y.InsurancePoints)
	}
	hi = (hi + 19) / 20 * 20
	n := len(ys)
	x := func(i int) float64 {
		if n == 1 {
			return left
		}
		return left + (w-left-right)*float64(i)/float64(n-1)
	}
	y := func(v int) float64 { return top + (h-top-bottom)*(1-float64(max(v, 0))/float64(hi)) }
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	line := func(class string, val func(score.YearPoint) int) string {
		var b strings.Builder
		b.WriteString(`<polyline class="` + class + `" points="`)
		for i, p := range ys {
			b.WriteString(f(x(i)) + "," + f(y(val(p))) + " ")
		}
		b.WriteString(`"></polyline>`)
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`<svg class="chart" viewBox="0 0 360 230" role="img" aria-labelledby="chart-title chart-desc" data-testid="plan-chart">`)
	b.WriteString(`<title id="chart-title">逐年积分走势</title><desc id="chart-desc">`)
	b.WriteString("从 " + strconv.Itoa(ys[0].Date.Year) + " 年的 " + strconv.Itoa(ys[0].Total) + " 分到 " + strconv.Itoa(ys[n-1].Date.Year) + " 年的 " + strconv.Itoa(ys[n-1].Total) + " 分；虚线为 " + lg.Standard + "。</desc>")
	for v := 0; v <= hi; v += 40 {
		b.WriteString(`<line class="grid" x1="` + f(left) + `" x2="` + f(w-right) + `" y1="` + f(y(v)) + `" y2="` + f(y(v)) + `"></line>`)
		b.WriteString(`<text class="axis" x="` + f(left-4) + `" y="` + f(y(v)+4) + `" text-anchor="end">` + strconv.Itoa(v) + `</text>`)
	}
	step := max(1, (n+5)/6)
	for i := 0; i < n; i += step {
		b.WriteString(`<text class="axis" x="` + f(x(i)) + `" y="` + f(h-bottom+16) + `" text-anchor="middle">` + strconv.Itoa(ys[i].Date.Year) + `</text>`)
	}
	b.WriteString(`<line class="line-120" data-testid="line-120" x1="` + f(left) + `" x2="` + f(w-right) + `" y1="` + f(y(pl.Standard)) + `" y2="` + f(y(pl.Standard)) + `"></line>`)
	b.WriteString(`<text class="label-120" x="` + f(w-right) + `" y="` + f(y(pl.Standard)-4) + `" text-anchor="end">` + lg.Line + `</text>`)
	b.WriteString(line("line-age", func(p score.YearPoint) int { return p.AgePoints }))
	b.WriteString(line("line-ins", func(p score.YearPoint) int { return p.InsurancePoints }))
	b.WriteString(line("line-total", func(p score.YearPoint) int { return p.Total }))
	if pl.ReachDate != nil {
		for i, p := range ys {
			if !p.Date.Before(*pl.ReachDate) {
				b.WriteString(`<circle class="reach-dot" cx="` + f(x(i)) + `" cy="` + f(y(p.Total)) + `" r="4"></circle>`)
				break
			}
		}
	}
	b.WriteString(`</svg>`)
	b.WriteString(`<div class="legend"><span class="k k-total">` + lg.Total + `</span><span class="k k-ins">` + lg.Insurance + `</span><span class="k k-age">` + lg.Age + `</span><span class="k k-120">` + lg.Standard + `</span></div>`)
	return "<div class=\"chart-box\">" + b.String() + "</div>"
}
