package app

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// The self-test questions, in order.
const (
	stepBirth = iota
	stepEducation
	stepTitle
	stepYears
	stepBase
	stepSpouse
	stepCount
)

// selfTest is the 30-second self-test at /: six questions, one per
// screen, each with a sensible default; the answers follow in the address
// bar and in local storage.
type selfTest struct {
	app.Compo

	p        score.Profile
	step     int
	probs    score.Problems
	restored bool // answers were loaded from this device
	today    score.Date

	// embed: the compact self-test of /embed, for partner iframes, which
	// shows the result in place.
	embed bool
	extra string // the embed's own query (parent, theme), kept in its URL
	done  bool   // the result is shown (embed)
	res   score.Result
}

var (
	_ app.Navigator = (*selfTest)(nil)
)

// defaultAnswers is what a first-time visitor sees selected.
func defaultAnswers(today score.Date) score.Profile {
	return score.Profile{
		Birth:          score.Date{Year: today.Year - 30, Month: time.January, Day: 1},
		Education:      score.EduBachelorDegree,
		InsuranceYears: 3,
	}
}

func (c *selfTest) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("30 秒自测：我的上海居住证积分有多少？ - " + SiteName)
	ctx.Page().SetDescription(SiteDescription)
	c.today = score.Today()
	c.step = 0
	c.restored = false
	u := ctx.Page().URL()
	c.done = false
	if c.embed {
		ctx.Page().SetTitle("居住证积分 30 秒自测 - " + SiteName)
		var q string
		q, c.extra = embedParams(ctx, u.RawQuery)
		c.p, c.probs = score.ParseQuery(q)
	} else {
		c.p, c.probs = parseLink(u)
	}
	c.p.AsOf = score.Date{} // the self-test always scores today
	if c.p == (score.Profile{}) {
		// nothing usable in the link: the answers kept on this device, or
		// the defaults
		c.p = defaultAnswers(c.today)
		if !c.embed && len(c.probs) == 0 {
			if saved, ok := loadSaved(ctx); ok {
				c.p, c.restored = saved, true
			}
		}
	}
}

func (c *selfTest) Render() app.UI {
	if c.embed {
		return c.renderEmbed()
	}
	return sitePage(PathSelfTest, "",
		problemNotice(c.probs),
		app.If(c.restored, func() app.UI {
			return app.Elem("div").Class("notice notice-info").Role("status").Body(
				app.Elem("p").Text("已载入您上次在本机的答案（只保存在这台设备上）。"),
				app.Elem("div").Class("row").Body(
					app.Elem("a").Class("btn btn-small").Attr("href", link(PathResult, c.p)).Text("查看上次结果"),
					app.Elem("button").Attr("type", "button").Class("btn btn-small btn-ghost").Text("清除我的数据").OnClick(c.clear),
				),
			)
		}),
		c.renderQuiz(),
		app.Elem("p").Class("muted small").Text("不要手机号、不用注册；每题都有默认答案，不确定时直接点“下一题”。"),
	)
}

// renderQuiz is the card with the current question.
func (c *selfTest) renderQuiz() app.UI {
	return app.Elem("section").Class("card quiz").Aria("labelledby", "quiz-title").Body(
		app.Elem("div").Class("quiz-top").Body(
			app.Elem("h1").ID("quiz-title").Class("quiz-title").Text("30 秒自测"),
			app.Elem("span").Class("quiz-count").Text("第 "+strconv.Itoa(c.step+1)+" / "+strconv.Itoa(stepCount)+" 题"),
		),
		app.Elem("progress").Class("quiz-progress").Attr("max", stepCount).Attr("value", c.step+1).Aria("label", "自测进度"),
		app.Elem("form").Class("quiz-form").OnSubmit(c.next).Body(
			c.renderStep(),
			app.Elem("div").Class("quiz-nav").Body(
				app.If(c.step > 0, func() app.UI {
					return app.Elem("button").Attr("type", "button").Class("btn btn-ghost").Text("上一题").OnClick(c.prev)
				}),
				app.If(c.step < stepCount-1, func() app.UI {
					return app.Elem("button").Attr("type", "submit").ID("next").Class("btn btn-primary").Text("下一题")
				}).Else(func() app.UI {
					return app.Elem("button").Attr("type", "submit").ID("next").Class("btn btn-primary").Text("查看结果")
				}),
			),
		),
	)
}

func (c *selfTest) renderStep() app.UI {
	switch c.step {
	case stepBirth:
		return c.renderBirth()
	case stepEducation:
		return radioGroup("education", "您的最高学历是？", "须为国家承认的学历；境外学历需留服认证。", educationChoices(), eduValue(c.p.Education), func(ctx app.Context, v string) {
			c.set(ctx, func(p *score.Profile) { p.Education = score.Education(noneToZero(v)) })
		})
	case stepTitle:
		return c.renderTitle()
	case stepYears:
		return app.Elem("fieldset").Class("choices").Body(
			app.Elem("legend").ID("years-legend").TabIndex(-1).Class("question").Text("在上海缴纳职工社保满几年？"),
			app.Elem("p").Class("hint").Text("只算在上海由用人单位缴纳的职工社保，补缴的月份不算；不满一年的零头不算。"),
			stepper("insurance_years", "社保缴纳年限", "年", func() int { return c.p.InsuranceYears }, 0, 45, func(ctx app.Context, v int) {
				c.set(ctx, func(p *score.Profile) { p.InsuranceYears = v })
			}),
		)
	case stepBase:
		return radioGroup("base_tier", "近几年大多数月份的社保缴费基数是？", baseHint(c.today), baseChoices(c.today), tierValue(c.p.BaseTier), func(ctx app.Context, v string) {
			c.set(ctx, func(p *score.Profile) { p.BaseTier, p.BaseMonthlyFen = score.Tier(v), 0 })
		})
	}
	return c.renderSpouse()
}

func (c *selfTest) renderBirth() app.UI {
	y, m := c.birthYearMonth()
	var years []int
	for yr := c.today.Year - 16; yr >= c.today.Year-70; yr-- {
		years = append(years, yr)
	}
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").ID("birth-legend").TabIndex(-1).Class("question").Text("您的出生年月是？"),
		app.Elem("p").Class("hint").Text("年龄按周岁计算：43 周岁及以下 30 分，之后逐年减少。"),
		app.Elem("div").Class("row birth-row").Body(
			app.Elem("div").Class("field").Body(
				app.Elem("label").Attr("for", "birth-year").Text("出生年份"),
				app.Elem("select").ID("birth-year").Class("select").OnChange(c.onBirthYear).Body(
					app.Range(years).Slice(func(i int) app.UI {
						return app.Elem("option").Attr("value", years[i]).Attr("selected", boolAttr(years[i] == y)).Text(strconv.Itoa(years[i]) + " 年")
					}),
				),
			),
			app.Elem("div").Class("field").Body(
				app.Elem("label").Attr("for", "birth-month").Text("月份"),
				app.Elem("select").ID("birth-month").Class("select").OnChange(c.onBirthMonth).Body(
					app.Range(months).Slice(func(i int) app.UI {
						return app.Elem("option").Attr("value", i+1).Attr("selected", boolAttr(i+1 == m)).Text(months[i])
					}),
				),
			),
		),
		app.Elem("p").Class("hint").Text("现在 "+strconv.Itoa(c.age())+" 周岁，年龄分 "+strconv.Itoa(score.AgePoints(c.age(), c.today))+" 分。"),
	)
}

var months = []string{"1 月", "2 月", "3 月", "4 月", "5 月", "6 月", "7 月", "8 月", "9 月", "10 月", "11 月", "12 月"}

// birthYearMonth is the birth year and month shown: the birth date, or
// one derived from an age given in a link.
func (c *selfTest) birthYearMonth() (int, int) {
	if !c.p.Birth.IsZero() {
		return c.p.Birth.Year, int(c.p.Birth.Month)
	}
	if c.p.Age > 0 {
		return c.today.Year - c.p.Age, int(c.today.Month)
	}
	return c.today.Year - 30, 1
}

func (c *selfTest) age() int {
	if c.p.Birth.IsZero() && c.p.Age > 0 {
		return c.p.Age
	}
	y, m := c.birthYearMonth()
	return score.Date{Year: y, Month: time.Month(m), Day: 1}.YearsTo(c.today)
}

func (c *selfTest) onBirthYear(ctx app.Context, e app.Event) {
	if y, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		_, m := c.birthYearMonth()
		c.setBirth(ctx, y, m)
	}
}

func (c *selfTest) onBirthMonth(ctx app.Context, e app.Event) {
	if m, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		y, _ := c.birthYearMonth()
		c.setBirth(ctx, y, m)
	}
}

// setBirth answers the first question; a birth date replaces an age.
func (c *selfTest) setBirth(ctx app.Context, y, m int) {
	c.set(ctx, func(p *score.Profile) { p.Birth, p.Age = score.Date{Year: y, Month: time.Month(m), Day: 1}, 0 })
}

func (c *selfTest) renderTitle() app.UI {
	tr := score.TitleRuleOf(c.p.Title)
	er := score.EducationRuleOf(c.p.Education)
	w := score.WageAt(c.today)
	return app.Elem("div").Body(
		radioGroup("title", "您有职称或职业技能等级证书吗？", "学历和职称只计较高的一项；证书须与现在的岗位相符。", titleChoices(), titleValue(c.p.Title), func(ctx app.Context, v string) {
			c.set(ctx, func(p *score.Profile) { p.Title = score.Title(noneToZero(v)) })
		}),
		app.If(tr.NeedsBase && tr.PointsAt(c.today) > er.PointsAt(c.today), func() app.UI {
			yes := "0"
			if c.p.TitleBaseOK == score.Yes {
				yes = "1"
			}
			return radioGroup("title_base_ok", "近 12 个月中，是否至少 6 个月社保缴费基数 ≥ "+yuanText(w.Yuan)+" 元/月？",
				tr.Name+"要求社保缴费基数达到上年度平均工资（"+yuanText(w.Yuan)+" 元/月）的 1 倍，否则此等级计 0 分。",
				[]choice{{"1", "是", ""}, {"0", "否 / 不清楚", ""}}, yes, func(ctx app.Context, v string) {
					c.set(ctx, func(p *score.Profile) {
						p.TitleBaseOK = score.Unknown
						if v == "1" {
							p.TitleBaseOK = score.Yes
						}
					})
				})
		}),
	)
}

func (c *selfTest) renderSpouse() app.UI {
	married := "0"
	if c.p.SpouseYears > 0 {
		married = "1"
	}
	return app.Elem("div").Body(
		radioGroup("spouse", "配偶是上海户籍吗？", "配偶为本市户籍，婚龄每满 1 年加 4 分，最多 40 分。", []choice{{"0", "否 / 未婚", ""}, {"1", "是", ""}}, married, func(ctx app.Context, v string) {
			c.set(ctx, func(p *score.Profile) {
				if v == "1" {
					p.SpouseYears = max(p.SpouseYears, 1)
				} else {
					p.SpouseYears = 0
				}
			})
		}),
		app.If(c.p.SpouseYears > 0, func() app.UI {
			return stepper("spouse_years", "婚龄（满几年）", "年", func() int { return c.p.SpouseYears }, 1, 60, func(ctx app.Context, v int) {
				c.set(ctx, func(p *score.Profile) { p.SpouseYears = v })
			})
		}),
	)
}

// set changes the answers, then keeps them in the address bar and on
// this device.
func (c *selfTest) set(ctx app.Context, f func(p *score.Profile)) {
	f(&c.p)
	c.keep(ctx)
}

func (c *selfTest) keep(ctx app.Context) {
	if c.embed {
		replaceRawQuery(ctx, joinQuery(c.p.Encode(), c.extra))
	} else {
		replaceQuery(ctx, c.p)
	}
	saveAnswers(ctx, c.p)
}

func (c *selfTest) next(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if c.p.Birth.IsZero() && c.p.Age == 0 {
		y, m := c.birthYearMonth()
		c.p.Birth = score.Date{Year: y, Month: time.Month(m), Day: 1}
	}
	c.keep(ctx)
	if c.step == stepCount-1 {
		if c.embed {
			c.res, _ = score.Evaluate(c.p)
			c.done = true
			return
		}
		ctx.Navigate(link(PathResult, c.p))
		return
	}
	c.step++
	c.focusQuestion(ctx)
}

func (c *selfTest) prev(ctx app.Context, e app.Event) {
	if c.step > 0 {
		c.step--
	}
	c.focusQuestion(ctx)
}

// focusQuestion moves the focus to the new question, for screen readers
// and keyboards.
func (c *selfTest) focusQuestion(ctx app.Context) {
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().Get("document").Call("querySelector", ".quiz .question"); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (c *selfTest) clear(ctx app.Context, e app.Event) {
	clearSaved(ctx)
	c.p = defaultAnswers(c.today)
	c.restored = false
	c.step = 0
	if u := *ctx.Page().URL(); u.RawQuery != "" {
		u.RawQuery = ""
		ctx.Page().ReplaceURL(&u)
	}
}

func noneToZero(v string) string {
	if v == "none" {
		return ""
	}
	return v
}

func eduValue(e score.Education) string {
	if e == score.EduNone {
		return "none"
	}
	return string(e)
}

func tierValue(t score.Tier) string {
	if t == score.TierUnset {
		return "none"
	}
	return string(t)
}

func titleValue(t score.Title) string {
	if t == score.TitleNone {
		return "none"
	}
	return string(t)
}

func educationChoices() []choice {
	var cs []choice
	for i := len(score.EducationTable) - 1; i >= 0; i-- {
		r := score.EducationTable[i]
		cs = append(cs, choice{eduValue(r.Value), r.Name, strconv.Itoa(r.PointsAt(score.Today())) + " 分"})
	}
	return cs
}

func titleChoices() []choice {
	cs := []choice{{"none", "没有", "0 分"}}
	for i := len(score.TitleTable) - 1; i >= 1; i-- {
		r := score.TitleTable[i]
		sub := strconv.Itoa(r.PointsAt(score.Today())) + " 分"
		if r.NeedsBase {
			sub += "，需社保基数≥1 倍平均工资"
		}
		cs = append(cs, choice{string(r.Value), r.Name, sub})
	}
	return cs
}

// baseChoices shows each tier as a range of yuan under the wage in force
// on today.
func baseChoices(today score.Date) []choice {
	w := score.WageAt(today)
	fen := w.Yuan * 100
	// the lowest whole yuan at or above a multiple num/den of the wage
	at := func(num, den int64) int64 { return (fen*num/den + 99) / 100 }
	y08, y1, y2, y3 := at(8, 10), at(1, 1), at(2, 1), at(3, 1)
	return []choice{
		{"none", "低于 " + yuanText(y08) + " 元/月，或不清楚", "0 分"},
		{"0.8", yuanText(y08) + "–" + yuanText(y1-1) + " 元/月", "平均工资 0.8–1 倍，25 分"},
		{"1", yuanText(y1) + "–" + yuanText(y2-1) + " 元/月", "1–2 倍，50 分"},
		{"2", yuanText(y2) + "–" + yuanText(y3-1) + " 元/月", "2–3 倍，100 分"},
		{"3", yuanText(y3) + " 元/月（缴费上限）", "3 倍，120 分"},
	}
}

func baseHint(today score.Date) string {
	w := score.WageAt(today)
	return "按 " + w.From.String()[:7] + " 起使用的上年度月平均工资 " + yuanText(w.Yuan) + " 元计算。须近 48 个月中累计 36 个月达到（3 倍档：近 36 个月中 24 个月），社保不满 3 年时暂不计分。"
}
