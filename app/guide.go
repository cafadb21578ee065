package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/guide"
	"jifen/guide/ics"
	"jifen/score"
)

// guidePage is the application guide at /guide: the one verdict, the
// steps, the materials checklist, the self-check before applying, what
// comes after the first points notice, reminders and the official sites.
type guidePage struct {
	app.Compo
	profilePage

	res       score.Result
	plan      score.PlanResult
	err       score.Problems
	confirmed map[string]bool
	ticks     map[string]bool
	answers   guide.Answers
	expiry    string // the permit's expiry date, YYYY-MM-DD, as typed
	today     score.Date
}

var _ app.Navigator = (*guidePage)(nil)

func (c *guidePage) OnNav(ctx app.Context) {
	if !c.open(ctx, PathGuide) {
		return
	}
	c.today = score.Today()
	c.err = nil
	if res, err := score.Evaluate(c.pp.p); err != nil {
		c.err = problemsOf(err)
	} else {
		c.res = res
		c.plan, _ = score.PlanFrom(c.pp.p, res)
	}
	c.confirmed, c.ticks = readFlags(ctx, storeConditions), readFlags(ctx, storeTicks)
	c.answers = guide.Answers(readFlags(ctx, storeAnswers))
	c.expiry = readText(ctx, storeExpiry)
}

// toggle keeps a tick of one of the guide's lists. It finds the map when
// called, not when rendered: go-app keeps the first handler of an
// element, so a handler must not hold state that changes.
func (c *guidePage) toggle(store, id string) func(ctx app.Context, e app.Event) {
	return func(ctx app.Context, e app.Event) {
		var m map[string]bool
		switch store {
		case storeConditions:
			m = c.confirmed
		case storeAnswers:
			m = c.answers
		default:
			m = c.ticks
		}
		m[id] = ctx.JSSrc().Get("checked").Bool()
		if err := ctx.LocalStorage().Set(store, m); err != nil {
			app.Log("saving the guide failed:", err)
		}
	}
}

func (c *guidePage) Render() app.UI {
	if !c.ready {
		return sitePage(PathGuide, "guide",
			app.Elem("h1").Class("page-title").Text("申请指南"),
			loadingHero("您的居住证积分"),
		)
	}
	return sitePage(PathGuide, "guide",
		app.Elem("h1").Class("page-title").Text("申请指南"),
		c.notices(),
		app.If(c.err != nil && !c.held(), func() app.UI { return errorNotice(c.err) }),
		app.If(c.err == nil && !c.held(), func() app.UI { return c.renderVerdict(c.num(secVerdict)) }),
		c.renderSteps(c.num(secSteps)),
		renderEmployerFirst(c.day(), c.num(secEmployer)),
		app.If(!c.held(), func() app.UI { return c.renderChecklist(c.num(secList)) }),
		c.renderSelfCheck(c.num(secCheck)),
		c.renderAfter(c.num(secAfter)),
		renderOfficial(),
	)
}

// The guide's numbered sections, in order.
const (
	secVerdict = iota
	secSteps
	secEmployer
	secList
	secCheck
	secAfter
)

// num is a section's number, "1. ", counting only the sections shown:
// the verdict and the checklist are the person's own, left out without
// answers (or while a link is held).
func (c *guidePage) num(sec int) string {
	n := 0
	for s := 0; s <= sec; s++ {
		switch {
		case s == secVerdict && (c.pp.empty() || c.err != nil || c.held()),
			s == secList && c.held():
			continue
		}
		n++
	}
	return itoa(n) + ". "
}

// renderEmployerFirst is 单位首次办理: what a company applying for the
// first time does, with the papers of its in-person check.
func renderEmployerFirst(d score.Date, num string) app.UI {
	steps, mats := guide.EmployerFirst(d), guide.EmployerMaterials(d)
	return app.Elem("section").Class("card").ID("employer-first").Aria("labelledby", "employer-title").Attr("data-testid", "employer-first").Body(
		app.Elem("h2").ID("employer-title").Text(num+"单位首次办理"),
		app.Elem("p").Class("muted small").Text("单位第一次为员工申请积分时，先做这几步；以后每位员工直接从建账户开始。"),
		app.Elem("ol").Class("steps").Body(app.Range(steps).Slice(func(i int) app.UI { return app.Elem("li").Text(steps[i]) })),
		app.Elem("h3").Text("现场核验带的材料"),
		app.Elem("ul").Class("materials").Body(app.Range(mats).Slice(func(i int) app.UI {
			m := mats[i]
			return app.Elem("li").Body(app.Elem("span").Text(m.Name), app.Elem("span").Class("choice-sub").Text(m.Reason+" · "+m.Note))
		})),
		app.Elem("p").Body(app.Elem("a").Class("more").Attr("href", PathBatch).Text("一次给多名员工算分：单位批量 →")),
	)
}

// renderVerdict is the one verdict, the same as the result page's, with
// the conditions to confirm below it.
func (c *guidePage) renderVerdict(num string) app.UI {
	if c.pp.empty() {
		return app.Elem("div").Class("notice notice-info verdict").Role("status").Attr("data-testid", "verdict").Body(
			app.Elem("p").Text("还没有答案：先做 30 秒自测，这里会告诉您现在能不能申请。"),
			app.Elem("a").Class("btn btn-small").Attr("href", PathSelfTest).Text("开始自测"),
		)
	}
	v := guide.Decide(c.res, c.confirmed)
	conds := guide.Conditions(c.res.AsOf)
	class := "notice-info"
	switch v.Kind {
	case guide.Below, guide.ConfirmFirst:
		class = "notice-warn"
	case guide.Vetoed:
		class = "notice-error"
	}
	return app.Elem("section").Class("card").Aria("labelledby", "elig-title").Body(
		app.Elem("h2").ID("elig-title").Text(num+"我现在能申请吗？"),
		app.Elem("div").Class("notice verdict "+class).Role("status").Attr("data-testid", "verdict").Body(
			app.Elem("p").Body(app.Elem("strong").Text(v.Headline)),
			app.Elem("p").Class("small").Text(heroLabel(&c.pp)+"："+strconv.Itoa(v.Total)+" 分"),
		),
		app.If(v.Kind != guide.Vetoed && v.Kind != guide.Below, func() app.UI {
			return app.Elem("div").Class("conds").Body(
				app.Elem("p").Class("muted small").Text("申请条件（勾选确认，只保存在这台设备上）："),
				app.Range(conds).Slice(func(i int) app.UI {
					cond := conds[i]
					return checkRow("cond-"+cond.ID, cond.Short, "", c.confirmed[cond.ID], c.toggle(storeConditions, cond.ID))
				}),
				app.Elem("details").Class("fix").Body(
					app.Elem("summary").Text("每一项的要求和不满足时怎么办"),
					app.Elem("dl").Body(app.Range(conds).Slice(func(i int) app.UI {
						cond := conds[i]
						return app.Elem("div").Body(
							app.Elem("dt").Text(cond.Text),
							app.Elem("dd").Class("small muted").Text(cond.Fix),
						)
					})),
				),
			)
		}),
	)
}

// day is the date the guide's values are read at: the evaluation's.
func (c *guidePage) day() score.Date {
	if c.res.AsOf.IsZero() {
		return c.today
	}
	return c.res.AsOf
}

func (c *guidePage) renderSteps(num string) app.UI {
	steps := guide.Steps(c.day())
	return app.Elem("section").Class("card").Aria("labelledby", "steps-title").Body(
		app.Elem("h2").ID("steps-title").Text(num+"办理步骤"),
		app.Elem("ol").Class("steps").Body(app.Range(steps).Slice(func(i int) app.UI {
			s := steps[i]
			return app.Elem("li").Class("step").Body(
				app.Elem("p").Body(app.Elem("span").Class("who").Text(s.Who), app.Text(" "+s.What)),
				app.Elem("p").Class("small muted").Text("在哪里："+s.Where+"；大约用时："+s.Time),
			)
		})),
	)
}

func (c *guidePage) renderChecklist(num string) app.UI {
	groups := guide.Materials(c.pp.p, c.answers)
	questions := guide.QuestionsFor(c.pp.p)
	done, all := 0, 0
	for _, g := range groups {
		for _, m := range g.Items {
			all++
			if c.ticks[m.ID] {
				done++
			}
		}
	}
	h := guide.Header(c.res, c.today)
	return app.Elem("section").Class("card checklist").Aria("labelledby", "list-title").Body(
		app.Elem("div").Class("print-header").Body(
			app.Elem("p").Class("print-title").Text(h.Title),
			app.Elem("p").Class("print-name").Text("申请人姓名：________________"),
			app.Elem("p").Text(h.Date+" · "+h.AsOf+" · "+h.Total),
			app.Elem("p").Class("small").Text("计分项目："+strings.Join(h.Items, "；")),
			app.Elem("p").Class("small").Text("由单位把材料交到单位注册地所在区的人才服务中心；原件核验，复印件留存；所需材料以区人才服务中心要求为准。"),
		),
		app.Elem("h2").ID("list-title").Text(num+"我的材料清单"),
		app.If(len(questions) > 0, func() app.UI {
			return app.Elem("fieldset").Class("questions").Body(
				app.Elem("legend").Text("这几项决定要带哪些材料："),
				app.Range(questions).Slice(func(i int) app.UI {
					q := questions[i]
					return checkRow("q-"+q.ID, q.Text, q.Note, c.answers[q.ID], c.toggle(storeAnswers, q.ID))
				}),
			)
		}),
		app.Elem("p").Class("muted").Text("按您的情况生成：原件核验，复印件留存。已准备 "+strconv.Itoa(done)+" / "+strconv.Itoa(all)+" 项。"),
		app.Elem("div").Attr("data-testid", "materials").Body(app.Range(groups).Slice(func(i int) app.UI {
			g := groups[i]
			return app.Elem("div").Class("mat-group").DataSet("group", g.ID).Body(
				app.Elem("h3").Text(g.Title),
				app.Elem("ul").Class("materials").Body(app.Range(g.Items).Slice(func(j int) app.UI {
					m := g.Items[j]
					note := m.Reason
					if m.Note != "" {
						note += " · " + m.Note
					}
					return app.Elem("li").DataSet("id", m.ID).Body(checkRow("m-"+m.ID, m.Name, note, c.ticks[m.ID], c.toggle(storeTicks, m.ID)))
				})),
			)
		})),
		app.Elem("div").Class("actions").Body(
			app.Elem("button").Attr("type", "button").Class("btn btn-primary").Text("打印清单").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
			app.Elem("a").Class("btn").Attr("href", link(PathCalc, c.pp.p)).Text("修改我的情况"),
		),
	)
}

func (c *guidePage) renderSelfCheck(num string) app.UI {
	checks := guide.SelfCheck(c.day())
	return app.Elem("section").Class("card").Aria("labelledby", "check-title").Attr("data-testid", "self-check").Body(
		app.Elem("h2").ID("check-title").Text(num+"申请前自查：常见的退回原因"),
		app.Elem("p").Class("muted small").Text("计算器算够 "+stdText+" 分，申请仍可能因为下面这些原因被退回。提交前逐条核对："),
		app.Elem("ol").Class("selfcheck").Body(app.Range(checks).Slice(func(i int) app.UI {
			s := checks[i]
			return app.Elem("li").Body(
				app.Elem("p").Body(app.Elem("strong").Text(s.Cause)),
				app.Elem("p").Class("small").Text("怎么查："+s.How),
				officialLinks(s.Links),
			)
		})),
	)
}

func (c *guidePage) renderAfter(num string) app.UI {
	topics := guide.AfterNotice(c.day())
	return app.Elem("section").Class("card").Aria("labelledby", "after-title").Attr("data-testid", "after").Body(
		app.Elem("h2").ID("after-title").Text(num+"拿到积分通知书之后"),
		app.Range(topics).Slice(func(i int) app.UI {
			tp := topics[i]
			return app.Elem("div").Class("topic").Body(
				app.Elem("h3").Text(tp.Title),
				app.Elem("ul").Class("warnings").Body(app.Range(tp.Points).Slice(func(j int) app.UI {
					return app.Elem("li").Text(tp.Points[j])
				})),
				officialLinks(tp.Links),
			)
		}),
		c.renderReminders(),
	)
}

// renderReminders offers an .ics file with the projected month of 120 and,
// given the permit's expiry date, the renewal window. It is made here, in
// the browser; nothing is sent.
func (c *guidePage) renderReminders() app.UI {
	evs, bad := c.reminders()
	return app.Elem("div").Class("reminders").Body(
		app.Elem("h3").Text("日历提醒"),
		app.Elem("div").Class("field-row").Body(
			app.Elem("label").Attr("for", "permit-expiry").Class("field-label").Text("居住证有效期至"),
			app.ElemSelfClosing("input").Attr("type", "date").ID("permit-expiry").Class("text-input").Attr("value", c.expiry).
				Aria("describedby", "permit-expiry-help").OnChange(c.setExpiry),
		),
		app.Elem("p").ID("permit-expiry-help").Class("hint").Text("填了就能提醒签注和积分确认（到期前一个月内）；只保存在这台设备上。"),
		app.If(bad, func() app.UI {
			return app.Elem("p").Class("field-error").Role("alert").Text("居住证有效期请按 年-月-日 填写，如 2027-03-31。")
		}),
		app.If(len(evs) > 0, func() app.UI {
			return app.Elem("div").Body(
				app.Elem("ul").Class("warnings").Body(app.Range(evs).Slice(func(i int) app.UI {
					e := evs[i]
					return app.Elem("li").Text(e.Summary + "：" + reminderWhen(e))
				})),
				app.Elem("button").Attr("type", "button").Class("btn").Attr("data-testid", "ics").Text("添加到日历").
					OnClick(func(ctx app.Context, e app.Event) {
						evs, _ := c.reminders() // now, not when first drawn: go-app keeps the first handler
						downloadICS(evs)
					}),
			)
		}).Else(func() app.UI {
			return app.Elem("p").Class("small muted").Text("没有要提醒的日期：已够 " + stdText + " 分或推算不到时，没有“达到 " + stdText + " 分”的提醒；填上居住证有效期可以提醒签注。")
		}),
	)
}

// reminders are the calendar events of the plan and the permit's expiry
// date, and whether that date is written wrong.
func (c *guidePage) reminders() (evs []ics.Event, bad bool) {
	expiry, err := score.ParseDate(c.expiry, false)
	if c.pp.empty() || c.held() || c.err != nil {
		// no answers: no projected month, which would not be the person's
		return guide.Reminders(nil, nil, expiry, c.today), c.expiry != "" && err != nil
	}
	return guide.Reminders(c.plan.ReachDate, c.plan.Children, expiry, c.today), c.expiry != "" && err != nil
}

func (c *guidePage) setExpiry(ctx app.Context, e app.Event) {
	c.expiry = ctx.JSSrc().Get("value").String()
	if err := ctx.LocalStorage().Set(storeExpiry, c.expiry); err != nil {
		app.Log("saving the expiry date failed:", err)
	}
}

// reminderWhen says when a reminder is: a projection to the month, a
// window from its first to its last day, or a day.
func reminderWhen(e ics.Event) string {
	start := score.Date{Year: e.Start.Year, Month: e.Start.Month, Day: e.Start.Day}
	switch {
	case strings.HasPrefix(e.UID, guide.ReachUIDPrefix):
		return monthText(start) + "（估算）"
	case e.End != (ics.Date{}):
		return dayText(start) + "起至 " + dayText(score.Date{Year: e.End.Year, Month: e.End.Month, Day: e.End.Day})
	}
	return dayText(start)
}

// downloadICS makes the calendar file in the browser and downloads it.
func downloadICS(evs []ics.Event) {
	data := ics.Calendar(evs, time.Now())
	w := app.Window()
	arr := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := w.Get("Blob").New([]any{arr}, map[string]any{"type": "text/calendar;charset=utf-8"})
	u := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", u)
	a.Set("download", "居住证积分提醒.ics")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	w.Call("setTimeout", app.FuncOf(func(this app.Value, args []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", u)
		return nil
	}), 10000)
}

// officialLinks shows the official sites of a list of ids.
func officialLinks(ids []string) app.UI {
	if len(ids) == 0 {
		return nil
	}
	var links []guide.Link
	for _, id := range ids {
		if l, ok := guide.OfficialLink(id); ok {
			links = append(links, l)
		}
	}
	return app.Elem("p").Class("small links").Body(
		app.Text("去看："),
		app.Range(links).Slice(func(i int) app.UI { return externalLink(links[i]) }),
	)
}

// externalLink opens an official site in a new tab, telling it nothing
// about this page.
func externalLink(l guide.Link) app.UI {
	return app.Elem("a").Class("ext").Attr("href", l.URL).Attr("target", "_blank").Attr("rel", "noopener noreferrer").Text(l.Name + " ↗")
}

// renderOfficial lists the official sites the guide names.
func renderOfficial() app.UI {
	return app.Elem("section").Class("card").Aria("labelledby", "official-title").Attr("data-testid", "official").Body(
		app.Elem("h2").ID("official-title").Text("官方入口"),
		app.Elem("p").Class("muted small").Text("点了才会打开（在新标签页）；本站不会替您访问这些网站。"),
		app.Elem("ul").Class("official").Body(app.Range(guide.Official).Slice(func(i int) app.UI {
			l := guide.Official[i]
			return app.Elem("li").Body(externalLink(l), app.Elem("span").Class("small muted").Text(" "+l.For))
		})),
	)
}
