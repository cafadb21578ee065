package app

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// calcField is one field of the full calculator: its profile key and the
// item whose points show beside it.
type calcField struct {
	key, item string
}

type calcGroup struct {
	title  string
	folded bool // rare items, folded until opened
	fields []calcField
}

// calcGroups are every indicator of rules.md, in the regulation's order.
var calcGroups = []calcGroup{
	{"基础指标", false, []calcField{
		{"birth", "age"}, {"age", ""}, {"retire_group", ""}, {"education", "education"}, {"full_time", ""},
		{"title", "title"}, {"title_base_ok", ""}, {"insurance_years", "insurance_years"},
	}},
	{"加分指标", false, []calcField{
		{"base_tier", "base_tier"}, {"base_monthly", ""}, {"spouse_years", "spouse"},
		{"shortage_major", "shortage_major"}, {"fresh_graduate", "fresh_graduate"},
	}},
	{"其他加分（较少见）", true, []calcField{
		{"invest_tax_avg", "investment"}, {"invest_hires_avg", ""}, {"public_service_years", "public_service"},
		{"key_area", ""}, {"key_area_years", "key_area"}, {"award", "award"},
		{"startup_talent", "startup_talent"}, {"tech_transfer_talent", "tech_transfer"},
	}},
	{"减分指标", true, []calcField{
		{"false_material", "false_material"}, {"detention", "detention"}, {"criminal", "criminal"},
	}},
	{"一票否决", true, []calcField{
		{"serious_crime", "serious_crime"}, {"family_planning_breach", "family_planning"},
	}},
	{"计算日期", true, []calcField{
		{"as_of", ""},
	}},
}

// calcPage is the full calculator at /calc: every indicator, the total
// live as you type, each item's points and reason beside its field.
type calcPage struct {
	app.Compo

	pp    pageProfile
	ready bool
	note  string
	vals  map[string]string // what each field shows, by key ("" = not given)
	good  map[string]string // the last value of each key that was valid
	probs map[string]string // the problem of each key, in Chinese
	res   score.Result
}

var _ app.Navigator = (*calcPage)(nil)

func (c *calcPage) OnNav(ctx app.Context) {
	setMeta(ctx, PathCalc)
	c.note = ""
	if !app.IsClient {
		return
	}
	c.pp = loadProfile(ctx, false)
	c.vals, c.good = map[string]string{}, map[string]string{}
	for _, pair := range strings.Split(c.pp.p.Encode(), "&") {
		if k, v, ok := strings.Cut(pair, "="); ok {
			v, _ = url.QueryUnescape(v)
			c.vals[k], c.good[k] = v, v
		}
	}
	c.compute()
	c.ready = true
}

// compute checks each field with the profile parser, keeps the last good
// value of a wrong field (so that a typo never changes another item's
// points), then scores.
func (c *calcPage) compute() {
	c.probs = map[string]string{}
	var q []string
	for _, f := range score.Fields {
		k := f.Key
		v := c.vals[k]
		if v != "" {
			if _, probs := score.ParseQuery(k + "=" + url.QueryEscape(v)); len(probs) > 0 {
				c.probs[k] = probs[0].Zh
			} else {
				c.good[k] = v
			}
		} else {
			delete(c.good, k)
		}
		if g := c.good[k]; g != "" {
			q = append(q, k+"="+url.QueryEscape(g))
		}
	}
	p, _ := score.ParseQuery(strings.Join(q, "&"))
	res, err := score.Evaluate(p)
	for tries := 0; err != nil && tries < 3; tries++ {
		// a value that is wrong only with another (a birth after the
		// calculation date): name it, and score without it
		for _, pr := range problemsOf(err) {
			c.probs[pr.Key] = pr.Zh
			if f := score.FieldByKey(pr.Key); f != nil {
				p2, _ := score.ParseQuery(dropKey(p.Encode(), pr.Key))
				p = p2
			}
		}
		res, err = score.Evaluate(p)
	}
	c.pp.p, c.res = p, res
}

// dropKey removes a key from a profile in link form.
func dropKey(q, key string) string {
	var keep []string
	for _, pair := range strings.Split(q, "&") {
		if k, _, _ := strings.Cut(pair, "="); k != key && pair != "" {
			keep = append(keep, pair)
		}
	}
	return strings.Join(keep, "&")
}

func (c *calcPage) set(key string) func(ctx app.Context, e app.Event) {
	return func(ctx app.Context, e app.Event) {
		src := ctx.JSSrc()
		v := strings.TrimSpace(src.Get("value").String())
		if src.Get("type").String() == "checkbox" {
			v = ""
			if src.Get("checked").Bool() {
				v = "1"
			}
		}
		if v == optUnset {
			v = ""
		}
		c.vals[key] = v
		c.compute()
		if len(c.probs) == 0 {
			edited(ctx, &c.pp)
		}
	}
}

// units are the units of the number fields, shown after them.
var units = map[string]string{
	"age": "周岁", "insurance_years": "年", "base_monthly": "元/月", "spouse_years": "年",
	"invest_tax_avg": "元/年", "invest_hires_avg": "人/年", "public_service_years": "年", "key_area_years": "年",
	"false_material": "次", "detention": "次", "criminal": "次",
}

// describedBy links a field to its help and, when it is wrong, to its
// error.
func describedBy(id, msg string) string {
	if msg != "" {
		return id + "-help " + id + "-err"
	}
	return id + "-help"
}

// optUnset is the value of the options that leave a key out (不清楚,
// 按月缴费基数估算 …): every option has a value.
const optUnset = "unset"

// wrongLabels names the fields to fix, as the page labels them.
func (c *calcPage) wrongLabels() []string {
	var labels []string
	for _, f := range score.Fields {
		if c.probs[f.Key] != "" {
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
	case r.Vetoed:
		status = "一票否决，不能申请"
	}
	return sitePage(PathCalc, "calc",
		app.Elem("h1").Class("page-title").Text("完整计算器"),
		app.Elem("p").Class("muted").Text("逐项填写，总分实时更新。不确定的项目留空即可。"),
		problemNotice(c.pp.probs),
		sharedNotice(&c.pp, c.note, func(ctx app.Context) { c.note = adopt(ctx, &c.pp) }),
		app.Range(calcGroups).Slice(func(i int) app.UI { return c.renderGroup(calcGroups[i]) }),
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

func (c *calcPage) renderGroup(g calcGroup) app.UI {
	var fields []calcField
	for _, f := range g.fields {
		if c.shown(f.key) {
			fields = append(fields, f)
		}
	}
	body := app.Range(fields).Slice(func(i int) app.UI { return c.renderField(fields[i]) })
	if !g.folded {
		return app.Elem("section").Class("card").Body(app.Elem("h2").Text(g.title), body)
	}
	open := false
	for _, f := range g.fields {
		if c.vals[f.key] != "" {
			open = true
		}
	}
	return app.Elem("details").Class("card fold").Attr("open", boolAttr(open)).Body(
		app.Elem("summary").Body(app.Elem("h2").Text(g.title)),
		body,
	)
}

// shown reports whether a field is asked: a question is asked only where
// its answer changes something.
func (c *calcPage) shown(key string) bool {
	p := &c.pp.p
	switch key {
	case "age":
		return c.vals["birth"] == "" || c.vals["age"] != ""
	case "full_time":
		return p.Education != score.EduNone || p.ShortageMajor || p.FreshGraduate || c.vals[key] != ""
	case "title_base_ok":
		return score.TitleRuleOf(p.Title).NeedsBase || c.vals[key] != ""
	case "key_area":
		return p.KeyAreaYears > 0 || c.vals[key] != ""
	}
	return true
}

func (c *calcPage) renderField(cf calcField) app.UI {
	f := score.FieldByKey(cf.key)
	id := "f-" + cf.key
	v := c.vals[cf.key]
	msg := c.probs[cf.key]
	var input app.UI
	isCheck := f.Kind() == "bool"
	switch {
	case isCheck:
		input = app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Class("check").Aria("describedby", id+"-help").
			Attr("checked", boolAttr(v == "1" || v == "true")).OnChange(c.set(cf.key), app.EventScope(cf.key))
	case f.Kind() == "enum" || f.Kind() == "tri":
		values, labels := fieldOptions(f)
		if v == "" {
			v = optUnset
			if f.Kind() == "enum" && cf.key != "base_tier" && cf.key != "retire_group" {
				v = "none"
			}
		}
		input = app.Elem("select").ID(id).Class("select").Aria("describedby", id+"-help").OnChange(c.set(cf.key), app.EventScope(cf.key)).Body(
			app.Range(values).Slice(func(i int) app.UI {
				return app.Elem("option").Attr("value", values[i]).Attr("selected", boolAttr(values[i] == v)).Text(labels[i])
			}),
		)
	default:
		typ, mode := "number", "numeric"
		switch f.Kind() {
		case "birth":
			typ, mode = "month", ""
		case "date":
			typ, mode = "date", ""
		case "money":
			mode = "decimal"
		}
		e := app.ElemSelfClosing("input").Attr("type", typ).ID(id).Class("text-input").Attr("value", v).
			Aria("describedby", describedBy(id, msg)).OnInput(c.set(cf.key), app.EventScope(cf.key))
		if mode != "" {
			lo, hi := f.Range()
			e = e.Attr("inputmode", mode).Attr("min", lo).Attr("max", hi)
		}
		if msg != "" {
			e = e.Aria("invalid", "true").Aria("errormessage", id+"-err")
		}
		input = e
		if u := units[cf.key]; u != "" {
			input = app.Elem("span").Class("with-unit").Body(e, app.Elem("span").Class("unit").Aria("hidden", "true").Text(u))
		}
	}
	it, hasItem := c.res.Item(cf.item)
	label := app.Elem("label").Attr("for", id).Class("field-label").Text(f.Label)
	row := app.Elem("div").Class("field-row").Body(label, input)
	if isCheck {
		row = app.Elem("div").Class("field-row check-row").Body(input, label)
	}
	return app.Elem("div").Class("calc-field").DataSet("key", cf.key).Body(
		row,
		app.Elem("p").ID(id+"-help").Class("hint").Text(para(score.FieldHelp(cf.key, c.res.AsOf))),
		app.If(msg != "", func() app.UI {
			return app.Elem("p").ID(id + "-err").Class("field-error").Role("alert").Text(msg)
		}),
		app.If(cf.key == "base_monthly" && c.pp.p.BaseMonthlyFen > 0 && msg == "", func() app.UI {
			d := c.res.AsOf
			w := score.WageAt(d)
			t := score.TierRuleOf(score.TierOfMonthly(c.pp.p.BaseMonthlyFen, d))
			return app.Elem("p").Class("field-points").Text("按 " + monthText(w.From) + "起使用的上年度平均工资 " + score.Money(w.Yuan*100) + " 元计：属于“" + t.Label(d) + "”档")
		}),
		app.If(hasItem && msg == "", func() app.UI {
			return app.Elem("div").Class("field-points").Body(
				app.Elem("strong").Text(signed(it.Points)+" 分"),
				app.Text(" "+para(it.Why)),
				confBadge(it.Confidence, it.Dispute),
			)
		}),
	)
}

// fieldOptions are the choices of a select: an enum's values, or 是/否
// for a yes-no key, each with a value; keys that may be left out have an
// option for that.
func fieldOptions(f *score.Field) (values, labels []string) {
	values, labels = f.Values()
	for i, v := range values {
		if v == "" {
			values[i] = optUnset // 不清楚 of a yes/no/unknown key
		}
	}
	switch f.Key {
	case "base_tier":
		values = append([]string{optUnset}, values...)
		labels = append([]string{"不清楚（按下面的月缴费基数估算）"}, labels...)
	case "retire_group":
		values = append([]string{optUnset}, values...)
		labels = append([]string{"不填（推算到 60 周岁）"}, labels...)
	}
	return values, labels
}
