package app

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// calcField is one field of the full calculator: its key, a one-line help
// with the rule, and the item whose points show beside it.
type calcField struct {
	key, help, item string
}

type calcGroup struct {
	title  string
	folded bool // rare items, folded until opened
	fields []calcField
}

// calcGroups are every indicator of rules.md, in groups.
var calcGroups = []calcGroup{
	{"基础指标", false, []calcField{
		{"birth", "年龄按周岁计：43 周岁及以下 30 分，之后每长 1 岁少 2 分，56-60 周岁 5 分。", "age"},
		{"age", "只在没填出生年月时使用。", ""},
		{"education", "大专 50、本科 60、本科+学士 90、硕士 100、博士 110；与职称只计较高者。", "education"},
		{"full_time", "全日制学历。紧缺专业和应届生加分需要全日制。", ""},
		{"title", "技能五级 15、四级 30、三级 60；技能二级或中级职称 100；技能一级或高级职称 140。", "title"},
		{"title_base_ok", "中级/高级职称、技能二级/一级须近 12 个月中 6 个月社保基数≥平均工资 1 倍。", ""},
		{"insurance_years", "在上海缴纳职工社保每满 1 年 3 分；补缴不算。", "insurance_years"},
	}},
	{"加分指标", false, []calcField{
		{"base_tier", "近 48 个月中 36 个月基数达到：0.8 倍 25、1 倍 50、2 倍 100；3 倍（近 36 个月中 24 个月）120。", "base_tier"},
		{"base_monthly", "不清楚档次时填月缴费基数，按现行平均工资估算档次。", ""},
		{"spouse_years", "配偶为上海户籍，婚龄每满 1 年 4 分，最多 40 分。", "spouse"},
		{"shortage_major", "专业在本市紧缺急需目录内且从事相应岗位，30 分。", "shortage_major"},
		{"fresh_graduate", "全日制应届高校毕业生 10 分。", "fresh_graduate"},
	}},
	{"其他加分（较少见）", true, []calcField{
		{"invest_tax_avg", "近 3 年个人出资部分年均纳税每满 10 万元 10 分，最多 120 分。", "investment"},
		{"invest_hires_avg", "近 3 年年均聘用本市户籍人员每满 10 人 10 分；与纳税取较高者。", ""},
		{"public_service_years", "环卫等特定公共服务领域每满 1 年 4 分，满 5 年后计入。", "public_service"},
		{"key_area", "远郊重点区域工作并居住；临港自 2024-08-21 起第一年即计入。", ""},
		{"key_area_years", "每满 1 年 2 分，最多 20 分；满 5 年（临港见上）后计入。", "key_area"},
		{"award", "市级委办局专项 30、综合 60；省部级及以上 110。", "award"},
		{"startup_talent", "在本市孵化器孵化满 6 个月的企业持股≥5%，120 分。", "startup_talent"},
		{"tech_transfer_talent", "在本市登记的技术转移服务机构连续工作满 6 个月，120 分。", "tech_transfer"},
	}},
	{"减分指标", true, []calcField{
		{"false_material", "近 3 年积分申请中提供虚假材料，每次 −150 分。", "false_material"},
		{"detention", "近 5 年受行政拘留，每次 −50 分。", "detention"},
		{"criminal", "近 5 年有一般刑事犯罪记录，每次 −150 分。", "criminal"},
	}},
	{"一票否决", true, []calcField{
		{"serious_crime", "有严重刑事犯罪记录的，不能申请积分。", "serious_crime"},
		{"family_planning_breach", "2017 年办法列为一票否决，近年清单未再列出：可能适用。", "family_planning"},
	}},
	{"计算日期", true, []calcField{
		{"as_of", "默认今天。年龄、平均工资和临港规则按这一天计算。", ""},
	}},
}

// calcPage is the full calculator at /calc: every indicator, the total
// live as you type, each item's points and reason beside its field.
type calcPage struct {
	app.Compo

	vals  map[string]string // raw text of each field, by key
	p     score.Profile
	probs map[string]string // Chinese problem of each key
	notes []string          // problems of keys that are not fields
	res   score.Result
	err   score.Problems
}

var _ app.Navigator = (*calcPage)(nil)

func (c *calcPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("完整计算器：逐项计算上海居住证积分 - " + SiteName)
	ctx.Page().SetDescription("上海居住证积分完整计算器：全部指标逐项填写，实时显示总分和每一分的来历与规则可信度。")
	c.vals = map[string]string{}
	q := ctx.Page().URL().RawQuery
	if q == "" {
		if saved, ok := loadSaved(ctx); ok {
			q = saved.Encode()
		}
	}
	for _, pair := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(pair, "=")
		k, _ = url.QueryUnescape(k)
		v, _ = url.QueryUnescape(v)
		if k != "" {
			c.vals[k] = v
		}
	}
	c.compute(ctx)
}

// compute parses the fields with the profile parser, so that every
// inline error is the parser's own message, then scores.
func (c *calcPage) compute(ctx app.Context) {
	var b strings.Builder
	for k, v := range c.vals {
		if v == "" {
			continue
		}
		b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(v) + "&")
	}
	var probs score.Problems
	c.p, probs = score.ParseQuery(b.String())
	c.probs, c.notes = map[string]string{}, nil
	for _, pr := range probs {
		if score.FieldByKey(pr.Key) != nil {
			c.probs[pr.Key] = pr.Zh
		} else {
			c.notes = append(c.notes, pr.Zh)
		}
	}
	c.err = nil
	res, err := score.Evaluate(c.p)
	if err != nil {
		c.err, _ = err.(score.Problems)
		for _, pr := range c.err {
			c.probs[pr.Key] = pr.Zh
		}
		// score what is valid, without the key in error
		p := c.p
		p.Birth = score.Date{}
		p.AsOf = score.Date{}
		res, _ = score.Evaluate(p)
	}
	c.res = res
	replaceQuery(ctx, c.p)
	if c.p != (score.Profile{}) {
		saveAnswers(ctx, c.p)
	}
}

func (c *calcPage) set(key string) func(ctx app.Context, e app.Event) {
	return func(ctx app.Context, e app.Event) {
		src := ctx.JSSrc()
		v := src.Get("value").String()
		if src.Get("type").String() == "checkbox" {
			v = ""
			if src.Get("checked").Bool() {
				v = "1"
			}
		}
		c.vals[key] = strings.TrimSpace(v)
		c.compute(ctx)
	}
}

func (c *calcPage) Render() app.UI {
	r := &c.res
	status := "还差 " + strconv.Itoa(r.Gap) + " 分"
	switch {
	case r.Vetoed:
		status = "一票否决"
	case r.MeetsStandard:
		status = "已达到 120 分"
	}
	return sitePage(PathCalc, "calc",
		app.Elem("h1").Class("page-title").Text("完整计算器"),
		app.Elem("p").Class("muted").Text("逐项填写，总分实时更新。不确定的项目留空即可；标着“规则有争议”的项目以区人才服务中心核定为准。"),
		app.If(len(c.notes) > 0, func() app.UI {
			return app.Elem("div").Class("notice notice-warn").Role("alert").Body(
				app.Elem("p").Text("链接中有无法使用的参数，已忽略：" + strings.Join(c.notes, "；")),
			)
		}),
		app.Range(calcGroups).Slice(func(i int) app.UI { return c.renderGroup(calcGroups[i]) }),
		app.If(len(r.Warnings) > 0, func() app.UI {
			return app.Elem("section").Class("card").Body(
				app.Elem("h2").Text("请注意"),
				app.Elem("ul").Class("warnings").Body(app.Range(r.Warnings).Slice(func(i int) app.UI {
					return app.Elem("li").Text(r.Warnings[i])
				})),
			)
		}),
		app.Elem("nav").Class("actions").Aria("label", "下一步").Body(
			app.Elem("a").Class("btn btn-primary").Attr("href", link(PathPlan, c.p)).Text("到 120 分的规划"),
			app.Elem("a").Class("btn").Attr("href", link(PathGuide, c.p)).Text("申请指南和材料清单"),
			app.Elem("a").Class("btn").Attr("href", link(PathResult, c.p)).Text("结果页（可分享）"),
		),
		app.Elem("p").Class("muted small").Text("依据："+r.RulesAsOf+"。"),
		app.Elem("div").Class("calc-total").Role("status").Aria("live", "polite").Body(
			app.Elem("span").Class("calc-total-label").Text("总分"),
			app.Elem("span").Class("total").Attr("data-testid", "total").Text(strconv.Itoa(r.Total)),
			app.Elem("span").Class("calc-total-status").Text("/ 120 · "+status),
		),
	)
}

func (c *calcPage) renderGroup(g calcGroup) app.UI {
	body := app.Range(g.fields).Slice(func(i int) app.UI { return c.renderField(g.fields[i]) })
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

func (c *calcPage) renderField(cf calcField) app.UI {
	f := score.FieldByKey(cf.key)
	id := "f-" + cf.key
	v := c.vals[cf.key]
	var input app.UI
	switch f.Kind() {
	case "enum":
		values, labels := f.Values()
		if cf.key == "base_tier" {
			values = append([]string{""}, values...)
			labels = append([]string{"未填写（按月缴费基数估算）"}, labels...)
		} else if v == "" {
			v = "none"
		}
		input = app.Elem("select").ID(id).Class("select").OnChange(c.set(cf.key), app.EventScope(cf.key)).Body(
			app.Range(values).Slice(func(i int) app.UI {
				return app.Elem("option").Attr("value", values[i]).Attr("selected", boolAttr(values[i] == v)).Text(labels[i])
			}),
		)
	case "bool", "tri":
		input = app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Class("check").
			Attr("checked", boolAttr(v == "1" || v == "true")).OnChange(c.set(cf.key), app.EventScope(cf.key))
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
			Aria("describedby", id+"-help").OnInput(c.set(cf.key), app.EventScope(cf.key))
		if mode != "" {
			lo, hi := f.Range()
			e = e.Attr("inputmode", mode).Attr("min", lo).Attr("max", hi)
		}
		if msg := c.probs[cf.key]; msg != "" {
			e = e.Aria("invalid", "true").Aria("errormessage", id+"-err")
		}
		input = e
	}
	it, hasItem := c.res.Item(cf.item)
	label := app.Elem("label").Attr("for", id).Class("field-label").Text(f.Label)
	row := app.Elem("div").Class("field-row").Body(label, input)
	if f.Kind() == "bool" || f.Kind() == "tri" {
		row = app.Elem("div").Class("field-row check-row").Body(input, label)
	}
	return app.Elem("div").Class("calc-field").DataSet("key", cf.key).Body(
		row,
		app.Elem("p").ID(id+"-help").Class("hint").Text(cf.help),
		app.If(c.probs[cf.key] != "", func() app.UI {
			return app.Elem("p").ID(id + "-err").Class("field-error").Role("alert").Text(c.probs[cf.key])
		}),
		app.If(cf.key == "base_monthly" && c.p.BaseMonthlyFen > 0, func() app.UI {
			w := score.WageAt(c.res.AsOf)
			t := score.TierRuleOf(score.TierOfMonthly(c.p.BaseMonthlyFen, c.res.AsOf))
			return app.Elem("p").Class("field-points").Text("按 " + w.From.String()[:7] + " 起平均工资 " + yuanText(w.Yuan) + " 元计：属于“" + t.Label(c.res.AsOf) + "”档")
		}),
		app.If(hasItem, func() app.UI {
			return app.Elem("div").Class("field-points").Body(
				app.Elem("strong").Text(signed(it.Points)+" 分"),
				app.Text(" "+it.Why),
				app.If(it.Confidence != score.High, func() app.UI {
					return app.Elem("span").Class("badge").Text("规则有争议：" + uncertainNote)
				}),
			)
		}),
	)
}
