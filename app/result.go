package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// resultPage shows the score of the profile in its query: the total, a
// bar per item with its reason, the warnings, the date 120 is reached and
// the best paths there. Its URL is the share link.
type resultPage struct {
	app.Compo

	p      score.Profile
	probs  score.Problems
	res    score.Result
	plan   score.PlanResult
	err    score.Problems // the profile cannot be scored
	empty  bool           // no answers at all
	shared string         // status of the share button
}

var _ app.Navigator = (*resultPage)(nil)

func (c *resultPage) OnNav(ctx app.Context) {
	c.shared = ""
	c.p, c.probs = linkOrSaved(ctx)
	c.empty = c.p == (score.Profile{})
	c.err = nil
	res, err := score.Evaluate(c.p)
	if err != nil {
		c.err, _ = err.(score.Problems)
		ctx.Page().SetTitle("结果无法计算 - " + SiteName)
		return
	}
	c.res = res
	c.plan, _ = score.Plan(c.p)
	if !c.empty {
		saveAnswers(ctx, c.p)
	}
	ctx.Page().SetTitle("我的居住证积分：" + strconv.Itoa(res.Total) + " 分 - " + SiteName)
	ctx.Page().SetDescription("上海居住证积分自测结果：" + strconv.Itoa(res.Total) + " 分（标准分值 120 分），每一分的来历、到 120 分的日期和路径。")
}

func (c *resultPage) Render() app.UI {
	return sitePage(PathResult, "",
		problemNotice(c.probs),
		c.renderBody(),
	).DataSet("q", c.p.Encode())
}

func (c *resultPage) renderBody() app.UI {
	if c.err != nil {
		return errorNotice(c.err)
	}
	r := &c.res
	return app.Elem("div").Body(
		app.If(c.empty, func() app.UI {
			return app.Elem("div").Class("notice notice-info").Role("status").Body(
				app.Elem("p").Text("还没有答案：下面是空白情况下的结果。先做 30 秒自测，或用完整计算器填写。"),
				app.Elem("a").Class("btn btn-small").Attr("href", PathSelfTest).Text("开始自测"),
			)
		}),
		c.renderHero(),
		c.renderPlan(),
		app.Elem("section").Class("card").Aria("labelledby", "items-title").Body(
			app.Elem("h2").ID("items-title").Text("每一分从哪里来"),
			app.Elem("ul").Class("items").Body(app.Range(r.Items).Slice(func(i int) app.UI {
				return itemRow(r.Items[i])
			})),
		),
		app.If(len(r.Warnings) > 0, func() app.UI {
			return app.Elem("section").Class("card").Aria("labelledby", "warn-title").Body(
				app.Elem("h2").ID("warn-title").Text("请注意"),
				app.Elem("ul").Class("warnings").Body(app.Range(r.Warnings).Slice(func(i int) app.UI {
					return app.Elem("li").Text(r.Warnings[i])
				})),
			)
		}),
		c.renderActions(),
		app.Elem("p").Class("muted small").Text("依据："+r.RulesAsOf+"。积分以区人才服务中心核定为准。"),
	)
}

func (c *resultPage) renderHero() app.UI {
	r := &c.res
	status, class := "", ""
	switch {
	case r.Vetoed:
		status, class = "存在一票否决情形，不能申请积分", "status-bad"
	case r.MeetsStandard:
		status, class = "已达到 120 分标准分值，可以请单位申请", "status-ok"
	default:
		status, class = "距 120 分还差 "+strconv.Itoa(r.Gap)+" 分", "status-gap"
	}
	return app.Elem("section").Class("card hero").Aria("labelledby", "total-label").Body(
		app.Elem("p").ID("total-label").Class("hero-label").Text("您的居住证积分"),
		app.Elem("p").Class("hero-total").Body(
			app.Elem("span").Class("total").Attr("data-testid", "total").Text(strconv.Itoa(r.Total)),
			app.Elem("span").Class("total-unit").Text(" 分 / 120"),
		),
		bar(max(r.Total, 0), 160, "hero-bar"),
		app.Elem("p").Class("hero-status "+class).Text(status),
	)
}

func (c *resultPage) renderPlan() app.UI {
	pl := &c.plan
	if c.res.Vetoed {
		return nil
	}
	var when string
	switch {
	case c.res.MeetsStandard:
		return nil
	case pl.ReachDate != nil:
		when = "如果其他情况不变、社保连续缴纳，预计 " + pl.ReachDate.Chinese() + " 达到 120 分。"
	default:
		when = "如果其他情况不变，60 周岁前达不到 120 分；下面的做法可以更快达到。"
	}
	paths := pl.Paths
	if len(paths) > 3 {
		paths = paths[:3]
	}
	return app.Elem("section").Class("card").Aria("labelledby", "plan-title").Body(
		app.Elem("h2").ID("plan-title").Text("什么时候能到 120 分"),
		app.Elem("p").Class("reach").Attr("data-testid", "reach").Text(when),
		app.If(len(paths) > 0, func() app.UI {
			return app.Elem("div").Body(
				app.Elem("h3").Text("更快达到的办法"),
				app.Elem("ol").Class("paths").Body(app.Range(paths).Slice(func(i int) app.UI {
					p := paths[i]
					return app.Elem("li").Class("path").Body(
						app.Elem("p").Class("path-change").Text(p.Change),
						app.Elem("p").Class("path-gain").Text("+"+strconv.Itoa(p.PointsGained)+" 分，预计 "+p.ReachDate.Chinese()+" 达到 120 分"),
						app.Elem("p").Class("small muted").Text(p.Detail),
					)
				})),
			)
		}),
		app.Elem("a").Class("more").Attr("href", link(PathPlan, c.p)).Text("查看逐年走势图和推算的假设 →"),
	)
}

// itemRow shows one indicator: points, a bar, the reason and, below high
// confidence, a note.
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
		bar(it.Points, 140, ""),
		app.Elem("p").Class("item-why").Text(it.Why),
		app.If(it.Confidence != score.High, func() app.UI {
			label := "规则有争议"
			if it.Confidence == score.Low {
				label = "规则不确定"
			}
			return app.Elem("p").Class("conf conf-"+string(it.Confidence)).Body(
				app.Elem("span").Class("badge").Text(label),
				app.Text(" "+uncertainNote),
			)
		}),
	)
}

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (c *resultPage) renderActions() app.UI {
	return app.Elem("section").Class("actions").Aria("label", "下一步").Body(
		app.Elem("a").Class("btn btn-primary").Attr("href", link(PathCalc, c.p)).Text("完整计算"),
		app.Elem("a").Class("btn").Attr("href", link(PathGuide, c.p)).Text("申请指南"),
		app.Elem("button").Attr("type", "button").ID("share").Class("btn").Text("分享").OnClick(c.share),
		app.Elem("a").Class("btn btn-ghost").Attr("href", link(PathSelfTest, c.p)).Text("重新测试"),
		app.If(c.shared != "", func() app.UI {
			return app.Elem("div").Class("share-box").Body(
				app.Elem("p").Role("status").Class("small").Text(c.shared),
				app.ElemSelfClosing("input").Attr("type", "text").Attr("readonly", boolAttr(true)).Class("share-url").Aria("label", "分享链接").Attr("value", c.shareURL()),
			)
		}),
	)
}

// shareURL is the absolute link of this result.
func (c *resultPage) shareURL() string {
	origin := ""
	if app.IsClient {
		origin = app.Window().Get("location").Get("origin").String()
	}
	return origin + link(PathResult, c.p)
}

// share copies the link and opens the system share sheet where there is
// one.
func (c *resultPage) share(ctx app.Context, e app.Event) {
	u := c.shareURL()
	nav := app.Window().Get("navigator")
	if nav.Get("share").Truthy() {
		nav.Call("share", map[string]any{"title": "我的上海居住证积分", "url": u}).Call("catch", app.FuncOf(func(this app.Value, args []app.Value) any { return nil }))
	}
	if cb := nav.Get("clipboard"); cb.Truthy() {
		cb.Call("writeText", u).Call("catch", app.FuncOf(func(this app.Value, args []app.Value) any { return nil }))
		c.shared = "链接已复制，可以粘贴发给别人；打开链接会看到同样的结果。"
		return
	}
	c.shared = "请复制下面的链接："
}
