package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// rulesPage is /rules: every indicator with its points, conditions and
// confidence, in the regulation's groups, each group's sources once; the
// wage table; the open questions; the date the rules were checked. Every
// number comes from package score's dated values, at today.
type rulesPage struct {
	app.Compo
}

var _ app.Navigator = (*rulesPage)(nil)

func (c *rulesPage) OnNav(ctx app.Context) {
	setMeta(ctx, PathRules)
}

// confLabel names a rule's confidence: medium is a rule the sources give
// alike (or nearly) without the official text, low one they disagree on
// or do not settle.
func confLabel(c score.Confidence) string {
	switch c {
	case score.High:
		return "可信度高"
	case score.Medium:
		return "待核实"
	}
	return "未确认"
}

func (c *rulesPage) Render() app.UI {
	d := score.Today()
	sections := append(score.RuleSections(d), score.PlanningRules(d))
	return sitePage(PathRules, "rules",
		app.Elem("h1").Class("page-title").Text("积分规则"),
		app.Elem("p").Text(score.RulesIntro(d)),
		app.Elem("p").Class("muted small").Text("本页依据公开的二手资料整理（未找到现行办法全文）；标着“待核实”或“未确认”的，后面一句说明为什么：各来源的分歧，或缺少哪份原文。"),
		app.Range(sections).Slice(func(i int) app.UI { return renderRuleSection(sections[i]) }),
		renderWages(d),
		app.Elem("section").Class("card").Aria("labelledby", "open-title").Body(
			app.Elem("h2").ID("open-title").Text("尚无定论的问题"),
			app.Elem("ul").Class("warnings").Body(app.Range(score.OpenQuestions(d)).Slice(func(i int) app.UI {
				return app.Elem("li").Text(score.OpenQuestions(d)[i])
			})),
		),
		app.Elem("section").Class("card").Body(
			app.Elem("h2").Text(itoa(score.StandardAt(d))+" 分的用处"),
			app.Elem("p").Text(score.StandardUses(d)),
		),
	)
}

// renderRuleSection is one group of the regulation: a card per rule (on a
// phone one under the other, on a wide screen in a grid), then the
// group's sources, once.
func renderRuleSection(sec score.RuleSection) app.UI {
	id := "rules-" + sec.Group
	return app.Elem("section").Class("card").Aria("labelledby", id).Attr("data-testid", "rules-"+sec.Group).Body(
		app.Elem("h2").ID(id).Text(sec.Title),
		app.Elem("div").Class("rule-list").Body(app.Range(sec.Rows).Slice(func(i int) app.UI {
			r := sec.Rows[i]
			return app.Elem("article").Class("rule").DataSet("id", r.ID).Body(
				app.Elem("h3").Class("rule-name").Text(r.Name),
				app.Elem("p").Class("rule-points").Text(para(r.Points)),
				app.If(r.Conditions != "", func() app.UI { return app.Elem("p").Class("rule-cond small").Text(para(r.Conditions)) }),
				app.Elem("p").Class("conf conf-"+string(r.Confidence)).Body(
					app.Elem("span").Class("badge").Text(confLabel(r.Confidence)),
					app.If(r.Dispute != "", func() app.UI { return app.Text(" " + r.Dispute) }),
				),
			)
		})),
		app.Elem("p").Class("sources small muted").Text("依据："+strings.Join(sec.Sources, "；")),
	)
}

// renderWages is the table of the average wage figures, with their months.
func renderWages(d score.Date) app.UI {
	rows := score.WageRows(d)
	heads := score.WageHeaders(d)
	return app.Elem("section").Class("card").Aria("labelledby", "wage-title").Body(
		app.Elem("h2").ID("wage-title").Text("上年度平均工资"),
		app.Elem("p").Class("muted small").Text("每个月的缴费基数按当月使用的上年度平均工资比较。"),
		app.Elem("div").Class("table-wrap").Attr("tabindex", 0).Role("region").Aria("labelledby", "wage-title").Body(
			app.Elem("table").Class("table wages").Attr("data-testid", "wage-table").Body(
				app.Elem("thead").Body(app.Elem("tr").Body(app.Range(heads).Slice(func(i int) app.UI { return th(heads[i]) }))),
				app.Elem("tbody").Body(app.Range(rows).Slice(func(i int) app.UI {
					w := rows[i]
					return app.Elem("tr").Body(td(w.Month), td(w.Wage), td(w.Low), td(w.High))
				})),
			),
		),
		app.Range(rows).Slice(func(i int) app.UI {
			if rows[i].Note == "" {
				return nil
			}
			return app.Elem("p").Class("small conf conf-" + string(rows[i].Conf)).Text(rows[i].Note)
		}),
		app.Elem("p").Class("sources small muted").Text("来源："+score.SrcWage+"。"),
	)
}
