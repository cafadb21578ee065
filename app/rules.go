package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// rulesPage is /rules: the whole indicator table with points, sources and
// confidence, the wage table, the open questions and the date checked.
type rulesPage struct {
	app.Compo
}

var _ app.Navigator = (*rulesPage)(nil)

func (c *rulesPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("积分规则、依据和可信度 - " + SiteName)
	ctx.Page().SetDescription("上海居住证积分的全部指标和分值、上年度平均工资表、各规则的来源和可信度，以及尚无定论的问题。")
}

// ruleRow is one row of the rules table.
type ruleRow struct {
	Group, Name, Rule, Source string
	Conf                      score.Confidence
}

func confLabel(c score.Confidence) string {
	switch c {
	case score.High:
		return "高"
	case score.Medium:
		return "中：有争议"
	}
	return "低：不确定"
}

func (c *rulesPage) Render() app.UI {
	var rows []ruleRow
	for _, sec := range score.RuleSections(score.Today()) {
		for _, r := range sec.Rows {
			rows = append(rows, ruleRow{sec.Title, r.Name, r.Points + "；" + r.Conditions, strings.Join(sec.Sources, "；"), r.Confidence})
		}
	}
	wages := score.WageRows(score.Today())
	open := score.OpenQuestions(score.Today())
	return sitePage(PathRules, "rules",
		app.Elem("h1").Class("page-title").Text("积分规则"),
		app.Elem("p").Text("标准分值 120 分。总分 = 年龄 + 学历与职称中较高者 + 社保年限 + 加分 − 减分；同一指标只计最高一项，减分累计。"),
		app.Elem("p").Class("notice notice-info").Text("依据："+score.SrcPointsRules+"、"+score.SrcImplementing+"。本页依据公开的二手资料整理（未找到现行办法全文），规则核对于 "+score.RulesCheckedOn.Chinese()+"。积分以区人才服务中心核定为准。"),
		app.Elem("section").Class("card").Aria("labelledby", "ind-title").Body(
			app.Elem("h2").ID("ind-title").Text("指标和分值"),
			app.Elem("div").Class("table-wrap").Body(
				app.Elem("table").Class("table").Attr("data-testid", "rules-table").Body(
					app.Elem("thead").Body(app.Elem("tr").Body(th("类别"), th("指标"), th("分值规则"), th("依据"), th("可信度"))),
					app.Elem("tbody").Body(app.Range(rows).Slice(func(i int) app.UI {
						r := rows[i]
						return app.Elem("tr").Body(td(r.Group), td(r.Name), td(r.Rule), app.Elem("td").Class("small").Text(r.Source),
							app.Elem("td").Class("conf-"+string(r.Conf)).Text(confLabel(r.Conf)))
					})),
				),
			),
		),
		app.Elem("section").Class("card").Aria("labelledby", "wage-title").Body(
			app.Elem("h2").ID("wage-title").Text("上年度全口径城镇单位就业人员月平均工资"),
			app.Elem("p").Class("muted small").Text("来源："+score.SrcWage+"。每个月的缴费基数按当月使用的数字比较。"),
			app.Elem("div").Class("table-wrap").Body(
				app.Elem("table").Class("table").Body(
					app.Elem("thead").Body(app.Elem("tr").Body(th("起用"), th("月平均工资"), th("0.8 倍"), th("3 倍（上限）"))),
					app.Elem("tbody").Body(app.Range(wages).Slice(func(i int) app.UI {
						w := wages[i]
						return app.Elem("tr").Body(td(w.From.String()[:7]), td(w.Wage),
							td(w.Low), td(w.High))
					})),
				),
			),
		),
		app.Elem("section").Class("card").Aria("labelledby", "open-title").Body(
			app.Elem("h2").ID("open-title").Text("尚无定论的问题"),
			app.Elem("ul").Class("warnings").Body(app.Range(open).Slice(func(i int) app.UI {
				return app.Elem("li").Text(open[i])
			})),
		),
		app.Elem("section").Class("card").Body(
			app.Elem("h2").Text("120 分的用处"),
			app.Elem("p").Text("达到 120 分后，同住子女可以在上海参加中考、高考，配偶和子女可以参加本市社会保险（"+score.SrcPermitRules+"第 28-29 条）。"),
		),
	)
}
