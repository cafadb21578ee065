package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// calcPage is the full calculator at /calc: every indicator, in the
// sections of score.FormSections, the total live as you type, each item's
// points and reason beside its field.
//
// Its state is the profile (the last good value of every key) and the
// problems of the fields whose input cannot be used: what was typed or
// what the link said, kept so that the field shows it with its message,
// while the other items keep their points and the total waits ("—").
type calcPage struct {
	app.Compo
	profilePage

	bad   map[string]fieldProblem // by key: an input that cannot be used
	cross map[string]string       // by key: a value wrong only with another (a birth after the calculation date)
	kids  []string                // the children's month fields, "" for one not filled in yet
	res   score.Result
	// unfolded: the folded sections (by title) opened so far. A folded
	// section's fields are drawn once it is open: drawing them all at the
	// start is half of the page's first render, for fields most visitors
	// never open.
	unfolded map[string]bool
}

// fieldProblem is a field's input that cannot be used, and why.
type fieldProblem struct {
	raw, msg string
}

var _ app.Navigator = (*calcPage)(nil)

func (c *calcPage) OnNav(ctx app.Context) {
	c.bad, c.cross, c.unfolded = map[string]fieldProblem{}, map[string]string{}, map[string]bool{}
	if !c.open(ctx, PathCalc) {
		return
	}
	// a link's unusable value is a field's problem, as if typed; what is
	// not a field (a cut key) holds the total until the visitor goes on
	var rest score.Problems
	for _, pr := range c.pp.probs {
		if score.FieldByKey(pr.Key) != nil {
			c.bad[pr.Key] = fieldProblem{pr.Value, pr.Zh}
		} else {
			rest = append(rest, pr)
		}
	}
	c.pp.probs = rest
	c.kids = childFields(c.pp.p)
	c.compute()
}

// compute scores the profile. A value that is wrong only with another is
// named at its field and the rest scored without it.
func (c *calcPage) compute() {
	clear(c.cross)
	p := c.pp.p
	res, err := score.Evaluate(p)
	for tries := 0; err != nil && tries < 3; tries++ {
		for _, pr := range problemsOf(err) {
			if f := score.FieldByKey(pr.Key); f != nil {
				c.cross[pr.Key] = pr.Zh
				f.Set(&p, "")
			}
		}
		res, err = score.Evaluate(p)
	}
	c.res = res
}

// problem is the message of a field that cannot be used, "" when it can.
func (c *calcPage) problem(key string) string {
	if b, ok := c.bad[key]; ok {
		return b.msg
	}
	return c.cross[key]
}

// set takes the input of a field: the profile's value when it can be
// used, the field's problem when not.
func (c *calcPage) set(ctx app.Context, key, raw string) {
	f := score.FieldByKey(key)
	if pr := f.Set(&c.pp.p, raw); pr != nil {
		c.bad[key] = fieldProblem{raw, pr.Zh}
		showError(ctx, key)
	} else {
		delete(c.bad, key)
	}
	c.compute()
	if len(c.bad) == 0 && len(c.cross) == 0 {
		edited(ctx, &c.pp)
	}
}

// onInput is the handler of a field's input, select or checkbox.
func (c *calcPage) onInput(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		src := ctx.JSSrc()
		v := strings.TrimSpace(src.Get("value").String())
		switch {
		case src.Get("type").String() == "checkbox":
			v = ""
			if src.Get("checked").Bool() {
				v = "1"
			}
		case v == optUnset:
			v = ""
		case v == "" && src.Get("validity").Get("badInput").Bool():
			if _, had := c.bad[key]; had && c.bad[key].raw == "" {
				return // said already
			}
			// the browser holds a date that does not exist (30 February)
			c.bad[key] = fieldProblem{"", score.FieldByKey(key).Label + "不是有效的日期，请重新填写"}
			c.compute()
			showError(ctx, key)
			return
		}
		c.set(ctx, key, v)
	}
}

// showError keeps a field's message in view above the sticky total, once
// it is drawn.
func showError(ctx app.Context, key string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().Get("document").Call("getElementById", "f-"+key+"-err"); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "nearest"})
		}
	})
}

// wrongLabels names the fields to fix, as the page labels them.
func (c *calcPage) wrongLabels() []string {
	var labels []string
	for _, f := range score.Fields {
		if c.problem(f.Key) != "" {
			labels = append(labels, f.Label)
		}
	}
	return labels
}

func (c *calcPage) Render() app.UI {
	if !c.ready {
		return sitePage(PathCalc, "calc",
			app.Elem("h1").Class("page-title").Text("完整计算器"),
			loadingHero("总分"),
		)
	}
	r := &c.res
	planCls, guideCls := "btn btn-primary", "btn"
	if r.MeetsStandard && !r.Vetoed && !r.Retired {
		planCls, guideCls = guideCls, planCls // enough points: applying comes next
	}
	total, status := strconv.Itoa(r.Total), gapText(r)
	switch wrong := c.wrongLabels(); {
	case len(wrong) > 0:
		total, status = "—", "请先改正："+strings.Join(wrong, "、")
	case c.held():
		total, status = "—", "链接可能不完整：请先看上面的说明"
	case r.Vetoed:
		status = "一票否决，不能申请"
	}
	sections := score.FormSections()
	return sitePage(PathCalc, "calc",
		app.Elem("h1").Class("page-title").Text("完整计算器"),
		app.Elem("p").Class("muted").Text("逐项填写，总分实时更新。不确定的项目留空即可。"),
		c.notices(),
		app.Range(sections).Slice(func(i int) app.UI { return c.renderSection(sections[i]) }),
		warningList(r.Warnings),
		app.Elem("nav").Class("actions").Aria("label", "下一步").Body(
			app.Elem("a").Class(planCls).Attr("href", link(PathPlan, c.pp.p)).Text("到 "+strconv.Itoa(r.Standard)+" 分的规划"),
			app.Elem("a").Class(guideCls).Attr("href", link(PathGuide, c.pp.p)).Text("申请指南"),
			app.Elem("a").Class("btn").Attr("href", link(PathResult, c.pp.p)).Text("结果页（可分享）"),
		),
		app.Elem("p").Class("muted small").Text("依据："+r.RulesAsOf+"。"),
		app.Elem("div").Class("calc-total").Role("status").Aria("live", "polite").Body(
			app.Elem("span").Class("calc-total-label").Text("总分"),
			app.Elem("span").Class("total").Attr("data-testid", "total").Text(total),
			app.Elem("span").Class("calc-total-status").Attr("data-testid", "total-status").Text(status),
		),
	)
}

func (c *calcPage) renderSection(sec score.FormSection) app.UI {
	var keys []string
	open := false
	for _, k := range sec.Keys {
		f := score.FieldByKey(k)
		if f.Asked(&c.pp.p) || c.problem(k) != "" {
			keys = append(keys, k)
		}
		open = open || f.Text(&c.pp.p) != "" || c.problem(k) != ""
	}
	body := app.Range(keys).Slice(func(i int) app.UI { return c.renderField(score.FieldByKey(keys[i])) })
	if !sec.Folded {
		return app.Elem("section").Class("card").Body(app.Elem("h2").Text(sec.Title), body)
	}
	if open {
		c.unfolded[sec.Title] = true // drawn from now on, even once closed
	}
	title := sec.Title
	return app.Elem("details").Class("card fold").Attr("open", boolAttr(open)).
		On("toggle", func(ctx app.Context, e app.Event) {
			if ctx.JSSrc().Get("open").Bool() {
				c.unfolded[title] = true
			}
		}, app.EventScope(title)).
		Body(
			app.Elem("summary").Body(app.Elem("h2").Text(sec.Title)),
			app.If(c.unfolded[sec.Title], func() app.UI { return body }),
		)
}

func (c *calcPage) renderField(f *score.Field) app.UI {
	key := f.Key
	id := "f-" + key
	msg := c.problem(key)
	v := f.Text(&c.pp.p)
	if b, ok := c.bad[key]; ok {
		v = b.raw
	}
	d := c.res.AsOf
	var input app.UI
	switch f.Kind {
	case score.KindBool:
		input = app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Class("check").Aria("describedby", id+"-help").
			Attr("checked", boolAttr(v == "1")).OnChange(c.onInput(key), app.EventScope(key))
	case score.KindEnum, score.KindTri:
		input = optionSelect(id, f.Options(d), v, c.onInput(key), key).Aria("describedby", id+"-help")
	case score.KindMonths:
		input = childrenInputs(id, func() []string { return c.kids }, func(ctx app.Context, kids []string) {
			c.kids = kids
			c.set(ctx, key, strings.Join(nonEmpty(kids), ","))
		})
	default:
		input = textField(f, id, v, msg, c.onInput(key))
	}
	label := app.Elem("label").Attr("for", id).Class("field-label").Text(f.Label)
	row := app.Elem("div").Class("field-row").Body(label, input)
	switch f.Kind {
	case score.KindBool:
		row = app.Elem("div").Class("field-row check-row").Body(input, label)
	case score.KindMonths:
		row = app.Elem("fieldset").Class("field-row kids").Body(app.Elem("legend").Class("field-label").Text(f.Label), input)
	}
	ind := score.IndicatorOfKey(key)
	var it score.Item
	hasItem := false
	if ind != nil {
		it, hasItem = c.res.Item(ind.ID)
	}
	note := ""
	if msg == "" {
		note = f.Note(&c.pp.p, d)
	}
	return app.Elem("div").Class("calc-field").DataSet("key", key).Body(
		row,
		app.Elem("p").ID(id+"-help").Class("hint").Text(para(score.FieldHelp(key, d))),
		app.If(msg != "", func() app.UI {
			return app.Elem("p").ID(id + "-err").Class("field-error").Role("alert").Text(msg)
		}),
		app.If(note != "", func() app.UI { return app.Elem("p").Class("field-points").Text(para(note)) }),
		app.If(hasItem && msg == "", func() app.UI {
			return app.Elem("div").Class("field-points").Body(
				app.Elem("strong").Text(signed(it.Points)+" 分"),
				app.Text(" "+para(it.Why)),
				confBadge(it.Confidence, it.Dispute),
			)
		}),
	)
}

// textField is the input of a number, an amount, a month or a date, with
// its unit after it and, when wrong, its error linked.
func textField(f *score.Field, id, v, msg string, onInput app.EventHandler) app.UI {
	typ, mode := "number", "numeric"
	switch f.Kind {
	case score.KindBirth:
		typ, mode = "month", ""
	case score.KindDate:
		typ, mode = "date", ""
	case score.KindMoney:
		mode = "decimal"
	}
	describedBy := id + "-help"
	if msg != "" {
		describedBy += " " + id + "-err"
	}
	e := app.ElemSelfClosing("input").Attr("type", typ).ID(id).Class("text-input").Attr("value", v).
		Aria("describedby", describedBy).OnInput(onInput, app.EventScope(f.Key))
	if typ != "number" {
		// a date typed that does not exist (30 February) changes no value
		// and fires no input event: it is seen when the field is left
		e = e.OnBlur(onInput, app.EventScope(f.Key, "blur"))
	}
	if mode != "" {
		lo, hi := f.Range()
		e = e.Attr("inputmode", mode).Attr("min", lo).Attr("max", hi)
	}
	if msg != "" {
		e = e.Aria("invalid", "true").Aria("errormessage", id+"-err")
	}
	if f.Unit == "" {
		return e
	}
	return app.Elem("span").Class("with-unit").Body(e, app.Elem("span").Class("unit").Aria("hidden", "true").Text(f.Unit))
}

// optUnset is the value of the options that leave a key out (不清楚,
// 按月缴费基数估算 …): every option has a value.
const optUnset = "unset"

// optionSelect is a select of a key's options; the option that leaves the
// key out has the value optUnset.
func optionSelect(id string, opts []score.Choice, selected string, onChange app.EventHandler, scope string) app.HTMLElem {
	return app.Elem("select").ID(id).Class("select").OnChange(onChange, app.EventScope(scope)).Body(
		app.Range(opts).Slice(func(i int) app.UI {
			v := opts[i].Value
			if v == "" {
				v = optUnset
			}
			return app.Elem("option").Attr("value", v).Attr("selected", boolAttr(opts[i].Value == selected)).Text(opts[i].Label)
		}),
	)
}
