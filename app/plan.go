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
	// kids are the children's month fields ("" for one not filled in);
	// kidsErr what is wrong with them (the plan is then made without).
	kids    []string
	kidsErr string
}

var _ app.Navigator = (*planPage)(nil)

func (c *planPage) OnNav(ctx app.Context) {
	if !c.open(ctx, PathPlan) {
		return
	}
	c.kids, c.kidsErr = childFields(c.pp.p), ""
	for _, pr := range c.pp.probs {
		if pr.Key == "children" {
			c.kidsErr = pr.Zh
		}
	}
	c.compute()
}

// compute makes the plan. What is wrong with the children is said at
// their field, and the plan made without them.
func (c *planPage) compute() {
	c.err = nil
	p := c.pp.p
	pl, err := score.Plan(p)
	if probs, ok := score.AsProblems(err); ok && len(probs.Keys()) == 1 && probs[0].Key == "children" {
		// plan with the children that can be used
		c.kidsErr = probs.Chinese()
		bad := map[string]bool{}
		for _, pr := range probs {
			bad[pr.Value] = true
		}
		var keep []string
		for _, d := range p.ChildBirths() {
			if m := score.MonthOf(d).String(); !bad[m] {
				keep = append(keep, m)
			}
		}
		score.FieldByKey("children").Set(&p, strings.Join(keep, ","))
		pl, err = score.Plan(p)
	}
	if err != nil {
		c.err = problemsOf(err)
		return
	}
	c.plan = pl
}

// setKids takes the children's fields.
func (c *planPage) setKids(ctx app.Context, kids []string) {
	c.kids, c.kidsErr = kids, ""
	if pr := score.FieldByKey("children").Set(&c.pp.p, strings.Join(nonEmpty(kids), ",")); pr != nil {
		c.kidsErr = pr.Zh
		return
	}
	c.compute()
	if c.kidsErr == "" {
		edited(ctx, &c.pp)
	}
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
	if c.held() {
		return nil // no figure until the visitor deals with the link
	}
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
		c.renderChildren(),
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

// renderChildren asks the children's birth months and says, per child,
// whether the plan's month is in time for the 中考 and the 高考.
func (c *planPage) renderChildren() app.UI {
	pl := &c.plan
	f := score.FieldByKey("children")
	return app.Elem("section").Class("card").Aria("labelledby", "kids-title").Attr("data-testid", "children").Body(
		app.Elem("h2").ID("kids-title").Text("孩子的中考、高考来得及吗？"),
		app.Elem("fieldset").Class("kids").Body(
			app.Elem("legend").Class("field-label").Text(f.Label),
			childrenInputs("plan-kid", func() []string { return c.kids }, c.setKids),
		),
		app.Elem("p").Class("hint").Text(para(score.FieldHelp("children", pl.AsOf))),
		app.If(c.kidsErr != "", func() app.UI {
			return app.Elem("p").Class("field-error").Role("alert").Attr("data-testid", "children-error").Text(c.kidsErr)
		}),
		app.If(len(pl.Children) > 0, func() app.UI {
			return app.Elem("div").Body(
				app.Range(pl.Children).Slice(func(i int) app.UI {
					ch := pl.Children[i]
					return app.Elem("div").Class("kid").Attr("data-testid", "child").Body(
						app.Elem("h3").Text(ch.Name()),
						examLine(&ch.Zhongkao, pl, true),
						examLine(&ch.Gaokao, pl, ch.Gaokao.Path != ch.Zhongkao.Path),
						app.If(ch.RetiresFirst, func() app.UI {
							return app.Elem("p").Class("small muted").Text("您的法定退休时间在孩子中考报名之前：退休后积分能否保持有效未经证实，请提前向区人才服务中心咨询。")
						}),
					)
				}),
				app.Elem("p").Class("small muted exam-note").Body(
					app.Elem("span").Class("badge").Text(confLabel(score.Low)),
					app.Text(" "+para(score.ExamNote(pl.AsOf))),
				),
			)
		}),
	)
}

// examLine is one exam's sentence, with the path that makes a late one in
// time.
func examLine(x *score.ExamCheck, pl *score.PlanResult, withPath bool) app.UI {
	return app.Elem("p").Class("exam exam-"+string(x.Verdict)).Attr("data-testid", "exam-"+x.Exam).DataSet("verdict", string(x.Verdict)).Body(
		app.Text(para(x.Sentence(pl))),
		app.If(withPath && x.PathSentence(pl.AsOf) != "", func() app.UI {
			return app.Elem("span").Class("exam-path").Text(para(x.PathSentence(pl.AsOf)))
		}),
	)
}

func (c *planPage) setRetire(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if v == optUnset {
		v = ""
	}
	score.FieldByKey("retire_group").Set(&c.pp.p, v)
	c.compute()
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
	const w, h, left, right, bottom = 360.0, 230.0, 34.0, 12.0, 30.0
	top := 14.0
	if len(pl.Children) > 0 {
		top = 26 // room for the registrations' tags
	}
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
	// each child's registrations, as vertical lines, each with a short tag
	// above the plot ("中考", or "1中" for the first of several children)
	// and its name in the legend
	var marks []string
	var placed []float64 // the tags' x so far: a tag near another goes higher
	for ci, ch := range pl.Children {
		for _, ex := range []*score.ExamCheck{&ch.Zhongkao, &ch.Gaokao} {
			fi := float64(monthsBetween(ys[0].Date, ex.Deadline.First())) / 12
			if fi < 0 || fi > float64(n-1) {
				continue
			}
			xi := left
			if n > 1 {
				xi = left + (w-left-right)*fi/float64(n-1)
			}
			name, tag := "孩子"+ex.Name+"报名", ex.Name
			if len(pl.Children) > 1 {
				name, tag = "孩子 "+strconv.Itoa(ci+1)+" "+ex.Name+"报名", strconv.Itoa(ci+1)+ex.Name[:3]
			}
			marks = append(marks, `<span class="k k-child">`+tag+`：`+name+`（`+ex.Deadline.Chinese()+`）</span>`)
			b.WriteString(`<line class="child-deadline child-` + ex.Exam + `" data-testid="child-deadline" data-exam="` + ex.Exam + `" x1="` + f(xi) + `" x2="` + f(xi) + `" y1="` + f(top) + `" y2="` + f(h-bottom) + `"><title>` + name + `：` + ex.Deadline.Chinese() + `</title></line>`)
			ty := top - 4
			for _, px := range placed {
				if px > xi-20 && px < xi+20 {
					ty -= 11
				}
			}
			placed = append(placed, xi)
			b.WriteString(`<text class="child-label" x="` + f(xi) + `" y="` + f(max(ty, 8)) + `" text-anchor="middle">` + tag + `</text>`)
		}
	}
	if pl.ReachDate != nil {
		for i, p := range ys {
			if !p.Date.Before(*pl.ReachDate) {
				b.WriteString(`<circle class="reach-dot" cx="` + f(x(i)) + `" cy="` + f(y(p.Total)) + `" r="4"></circle>`)
				break
			}
		}
	}
	b.WriteString(`</svg>`)
	b.WriteString(`<div class="legend"><span class="k k-total">` + lg.Total + `</span><span class="k k-ins">` + lg.Insurance + `</span><span class="k k-age">` + lg.Age + `</span><span class="k k-120">` + lg.Standard + `</span>` + strings.Join(marks, "") + `</div>`)
	return "<div class=\"chart-box\">" + b.String() + "</div>"
}

// monthsBetween counts the months from a to b (negative when b is
// earlier), by month, whatever the days.
func monthsBetween(a, b score.Date) int {
	return (b.Year-a.Year)*12 + int(b.Month) - int(a.Month)
}
