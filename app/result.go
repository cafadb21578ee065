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
	profilePage

	res    score.Result
	plan   score.PlanResult
	err    score.Problems // the profile cannot be scored
	sheet  bool           // the share sheet is open
	copied string         // status of the copy button
	// status is the verdict under the score box (the guide's).
	status, statusClass string
	verdict             guide.Verdict
}

var _ app.Navigator = (*resultPage)(nil)

func (c *resultPage) OnNav(ctx app.Context) {
	c.sheet, c.copied = false, ""
	if c.open(ctx, PathResult) {
		c.compute(ctx)
	}
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
	c.verdict = guide.Decide(res, readFlags(ctx, storeConditions))
	c.status, c.statusClass = verdictStatus(c.verdict)
	ctx.Page().SetTitle("我的居住证积分：" + strconv.Itoa(res.Total) + " 分 - " + SiteName)
}

func (c *resultPage) Render() app.UI {
	if !c.ready {
		return sitePage(PathResult, "", loadingHero("您的居住证积分"))
	}
	// at least the loading card's height (.loading-main), so that the
	// footer does not move up into view when the app draws a short page
	return sitePage(PathResult, "",
		app.Elem("div").Class("loading-main").Body(
			c.notices(),
			c.renderBody(),
		),
	).DataSet("q", "#"+c.pp.p.Encode())
}

func (c *resultPage) renderBody() app.UI {
	switch {
	case c.held():
		return nil // no figure until the visitor deals with the link
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
		c.renderNoInsurance(),
		c.renderPlan(),
		c.renderChildren(),
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

// renderNoInsurance says, next to the total, that 0 years of insurance
// is not only 0 points: the application itself needs it (guide's
// conditions, from score's process numbers).
func (c *resultPage) renderNoInsurance() app.UI {
	if c.pp.p.InsuranceYears != 0 || c.res.Vetoed || c.res.Retired {
		return nil
	}
	d := c.res.AsOf
	return app.Elem("p").Class("notice notice-warn").Attr("data-testid", "no-insurance").Text(
		"社保年限为 0 年：申请积分须由单位在本市缴纳职工社保，近 " + strconv.Itoa(score.N(d, "apply.insured_window")) +
			" 个月中至少 " + strconv.Itoa(score.N(d, "apply.insured_months")) + " 个月；未满时不能申请，请先确认。")
}

// renderChildren is one line per child with the 中考 verdict, linking to
// the plan, where the 高考 and the reasons are; without children, an
// invitation to add them there.
func (c *resultPage) renderChildren() app.UI {
	kids := c.plan.Children
	if len(kids) == 0 {
		if c.res.Vetoed || c.res.Retired {
			return nil
		}
		return app.Elem("p").Class("more").Body(
			app.Elem("a").Attr("href", link(PathPlan, c.pp.p)).Text("有孩子要在上海中考、高考？填孩子的出生年月，看看来不来得及 →"))
	}
	return app.Elem("section").Class("card").Aria("labelledby", "kids-title").Attr("data-testid", "result-children").Body(
		app.Elem("h2").ID("kids-title").Text("孩子的中考"),
		app.Elem("ul").Class("kid-lines").Body(app.Range(kids).Slice(func(i int) app.UI {
			ch := kids[i]
			return app.Elem("li").Class("exam exam-"+string(ch.Zhongkao.Verdict)).Attr("data-testid", "result-child").DataSet("verdict", string(ch.Zhongkao.Verdict)).
				Text(ch.Name() + " · " + para(ch.Zhongkao.Short()))
		})),
		app.Elem("p").Class("small muted").Text("按常见的入学和报名时间估算，以当年市教委、市教育考试院通知为准。"),
		app.Elem("a").Class("more").Attr("href", link(PathPlan, c.pp.p)).Text("看原因、高考和来得及的办法 →"),
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
		// a new test is a new person's (an HR officer tests several people
		// on one device): it starts empty, the last answers one press away
		app.Elem("a").Class("btn btn-ghost").Attr("href", PathSelfTest).Text("重新测试"),
	)
}

// toggleSheet opens the share sheet, in view, or closes it.
func (c *resultPage) toggleSheet(ctx app.Context, e app.Event) {
	c.sheet, c.copied = !c.sheet, ""
	if c.sheet {
		ctx.Defer(func(app.Context) { scrollTo("share-title", "start") })
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
