package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/guide"
	"jifen/score"
)

// Local-storage keys of the guide: the confirmed conditions and the
// ticked materials.
const (
	storeConditions = "jifen.conditions"
	storeTicks      = "jifen.ticks"
)

// guidePage is the application guide at /guide: can I apply, the steps,
// the employer's first registration and my materials checklist.
type guidePage struct {
	app.Compo

	pp        pageProfile
	ready     bool
	note      string
	res       score.Result
	err       score.Problems
	confirmed map[string]bool
	ticks     map[string]bool
	list      []guide.Material
}

var _ app.Navigator = (*guidePage)(nil)

func (c *guidePage) OnNav(ctx app.Context) {
	setMeta(ctx, PathGuide)
	c.note = ""
	if !app.IsClient {
		return
	}
	c.pp = loadProfile(ctx, false)
	c.err = nil
	if res, err := score.Evaluate(c.pp.p); err != nil {
		c.err = problemsOf(err)
	} else {
		c.res = res
	}
	c.list = guide.Checklist(c.pp.p)
	c.confirmed, c.ticks = map[string]bool{}, map[string]bool{}
	ctx.LocalStorage().Get(storeConditions, &c.confirmed)
	ctx.LocalStorage().Get(storeTicks, &c.ticks)
	c.ready = true
}

// toggle keeps a tick. It finds the map when called, not when rendered:
// go-app keeps the first handler of an element, so a handler must not
// hold state that changes.
func (c *guidePage) toggle(store, id string) func(ctx app.Context, e app.Event) {
	return func(ctx app.Context, e app.Event) {
		m := c.ticks
		if store == storeConditions {
			m = c.confirmed
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
		problemNotice(c.pp.probs),
		sharedNotice(&c.pp, c.note, func(ctx app.Context) { c.note = adopt(ctx, &c.pp) }),
		app.If(c.err != nil, func() app.UI { return errorNotice(c.err) }),
		c.renderEligibility(),
		c.renderSteps(),
		c.renderChecklist(),
	)
}

func (c *guidePage) renderEligibility() app.UI {
	e := guide.Check(c.confirmed, c.res)
	verdict := app.Elem("div").Class("notice notice-info verdict").Role("status").Attr("data-testid", "verdict").Body(
		app.Elem("p").Body(app.Elem("strong").Text("可以申请：条件都已满足，请单位人事按下面的步骤办理。")),
	)
	if !e.CanApply {
		verdict = app.Elem("div").Class("notice notice-warn verdict").Role("status").Attr("data-testid", "verdict").Body(
			app.Elem("p").Body(app.Elem("strong").Text("现在还不能申请，还差：")),
			app.Elem("ul").Body(app.Range(e.Missing).Slice(func(i int) app.UI { return app.Elem("li").Text(e.Missing[i]) })),
		)
	}
	return app.Elem("section").Class("card").Aria("labelledby", "elig-title").Body(
		app.Elem("h2").ID("elig-title").Text("1. 我现在能申请吗？"),
		app.Elem("p").Class("muted").Text("积分 "+strconv.Itoa(c.res.Total)+" 分（标准 120 分）。请逐条确认（只保存在本机）："),
		app.Range(guide.Conditions).Slice(func(i int) app.UI {
			cond := guide.Conditions[i]
			return checkRow("cond-"+cond.ID, cond.Text, "", c.confirmed[cond.ID], c.toggle(storeConditions, cond.ID))
		}),
		verdict,
	)
}

func checkRow(id, label, note string, checked bool, onChange app.EventHandler) app.UI {
	return app.Elem("div").Class("check-item").Body(
		app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Class("check").Attr("checked", boolAttr(checked)).OnChange(onChange, app.EventScope(id)),
		app.Elem("label").Attr("for", id).Body(
			app.Elem("span").Text(label),
			app.If(note != "", func() app.UI { return app.Elem("span").Class("choice-sub").Text(note) }),
		),
	)
}

func (c *guidePage) renderSteps() app.UI {
	return app.Elem("section").Class("card").Aria("labelledby", "steps-title").Body(
		app.Elem("h2").ID("steps-title").Text("2. 办理步骤"),
		app.Elem("ol").Class("steps").Body(app.Range(guide.Steps).Slice(func(i int) app.UI {
			s := guide.Steps[i]
			return app.Elem("li").Class("step").Body(
				app.Elem("p").Body(app.Elem("span").Class("who").Text(s.Who), app.Text(" "+s.What)),
				app.Elem("p").Class("small muted").Text("在哪里："+s.Where+"；通常需要："+s.Time),
			)
		})),
		app.Elem("h3").Text("单位第一次办理时带的材料"),
		app.Elem("ul").Class("warnings").Body(app.Range(guide.EmployerDocs).Slice(func(i int) app.UI {
			return app.Elem("li").Text(guide.EmployerDocs[i])
		})),
	)
}

func (c *guidePage) renderChecklist() app.UI {
	done := 0
	for _, m := range c.list {
		if c.ticks[m.ID] {
			done++
		}
	}
	return app.Elem("section").Class("card checklist").Aria("labelledby", "list-title").Body(
		app.Elem("h2").ID("list-title").Text("3. 我的材料清单"),
		app.Elem("p").Class("muted").Text("按您填写的情况生成：原件核验，复印件留存。已准备 "+strconv.Itoa(done)+" / "+strconv.Itoa(len(c.list))+" 项。"),
		app.Elem("ul").Class("materials").Attr("data-testid", "materials").Body(app.Range(c.list).Slice(func(i int) app.UI {
			m := c.list[i]
			note := m.Reason
			if m.Note != "" {
				note += " · " + m.Note
			}
			return app.Elem("li").DataSet("id", m.ID).Body(checkRow("m-"+m.ID, m.Name, note, c.ticks[m.ID], c.toggle(storeTicks, m.ID)))
		})),
		app.Elem("div").Class("actions").Body(
			app.Elem("button").Attr("type", "button").Class("btn btn-primary").Text("打印清单").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
			app.Elem("a").Class("btn").Attr("href", link(PathCalc, c.pp.p)).Text("修改我的情况"),
		),
	)
}
