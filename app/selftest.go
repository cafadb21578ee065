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
// bar (after #) and are kept on this device once the visitor gives them.
type selfTest struct {
	app.Compo

	pp       pageProfile
	step     int
	restored bool // the answers saved on this device were loaded
	today    score.Date
	// askBase: the follow-up on the title's base condition is shown and
	// waits for an answer (nothing is preselected); baseMissing: 下一题
	// was pressed before it was answered.
	askBase, baseMissing bool

	// embed: the compact self-test of /embed, for partner iframes, which
	// shows the result in place.
	embed bool
	done  bool // the result is shown (embed)
	res   score.Result
}

var _ app.Navigator = (*selfTest)(nil)

// defaultAnswers is what a first-time visitor sees selected.
func defaultAnswers(today score.Date) score.Profile {
	return score.Profile{
		Birth:          score.Date{Year: today.Year - 30, Month: time.January, Day: 1},
		Education:      score.EduBachelorDegree,
		InsuranceYears: 3,
	}
}

func (c *selfTest) OnNav(ctx app.Context) {
	if c.embed {
		setMeta(ctx, PathEmbed)
	} else {
		setMeta(ctx, PathSelfTest)
	}
	c.today = score.Today()
	c.step, c.done, c.restored = 0, false, false
	c.pp = loadProfile(ctx, c.embed)
	c.pp.p.AsOf = score.Date{} // the self-test always scores today
	switch {
	case c.pp.src == srcSaved && !c.embed:
		c.restored = true
	case c.pp.empty():
		c.pp.p = defaultAnswers(c.today)
	}
	c.askBase = c.needsBase() && baseOK(c.pp.p) == ""
	c.applyPending(ctx)
}

// applyPending applies what the visitor did on the pre-rendered page
// before the app ran: the values picked, then the button pressed.
func (c *selfTest) applyPending(ctx app.Context) {
	fields, action := takePending()
	for _, f := range fields {
		switch {
		case f.id == "birth-year" || f.id == "birth-month":
			if v, err := strconv.Atoi(f.value); err == nil {
				y, m := c.birthYearMonth()
				if f.id == "birth-year" {
					y = v
				} else {
					m = v
				}
				c.setBirth(ctx, y, m)
			}
		case f.typ == "radio" && f.checked:
			c.pick(ctx, f.name, f.value)
		case f.id == "insurance_years" || f.id == "spouse_years":
			if v, err := strconv.Atoi(f.value); err == nil {
				c.setYears(ctx, f.id, v)
			}
		}
	}
	if action == "next" {
		c.advance(ctx)
	}
}

func (c *selfTest) Render() app.UI {
	if c.embed {
		return c.renderEmbed()
	}
	return sitePage(PathSelfTest, "",
		problemNotice(c.pp.probs),
		app.If(c.restored, func() app.UI {
			return app.Elem("div").Class("notice notice-info").Role("status").Body(
				app.Elem("p").Text("已载入您上次在这台设备上的答案。"),
				app.Elem("div").Class("row").Body(
					app.Elem("a").Class("btn btn-small").Attr("href", link(PathResult, c.pp.p)).Text("查看上次结果"),
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
					return app.Elem("button").Attr("type", "submit").ID("next").Class("btn btn-primary").Attr("data-pending", "next").Text("下一题")
				}).Else(func() app.UI {
					return app.Elem("button").Attr("type", "submit").ID("next").Class("btn btn-primary").Attr("data-pending", "next").Text("查看结果")
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
		return radioGroup("education", "您的学历是？", "按取得的最高一级填；须为国家承认的学历，境外学历需留服认证。", educationChoices(), eduValue(c.pp.p.Education), c.onPick("education"))
	case stepTitle:
		return c.renderTitle()
	case stepYears:
		return app.Elem("fieldset").Class("choices").Body(
			app.Elem("legend").ID("years-legend").TabIndex(-1).Class("question").Text("在上海缴纳职工社保满几年？"),
			app.Elem("p").Class("hint").Text("只算在上海由用人单位缴纳的职工社保，补缴的月份不算；不满一年的零头不算。"),
			stepper("insurance_years", "社保年限", "年", func() int { return c.pp.p.InsuranceYears }, 0, 45, func(ctx app.Context, v int) {
				c.setYears(ctx, "insurance_years", v)
			}),
		)
	case stepBase:
		return radioGroup("base_tier", "近几年大多数月份的社保缴费基数是？", baseHint(c.today), baseChoices(c.today), tierValue(c.pp.p.BaseTier), c.onPick("base_tier"))
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
		app.Elem("p").Class("hint").Text("现在 "+strconv.Itoa(c.age())+" 周岁，年龄分 "+strconv.Itoa(score.AgePoints(c.age()))+" 分。"),
	)
}

var months = []string{"1 月", "2 月", "3 月", "4 月", "5 月", "6 月", "7 月", "8 月", "9 月", "10 月", "11 月", "12 月"}

// birthYearMonth is the birth year and month shown: the birth date, or
// one derived from an age given in a link.
func (c *selfTest) birthYearMonth() (int, int) {
	if !c.pp.p.Birth.IsZero() {
		return c.pp.p.Birth.Year, int(c.pp.p.Birth.Month)
	}
	if c.pp.p.Age > 0 {
		return c.today.Year - c.pp.p.Age, int(c.today.Month)
	}
	return c.today.Year - 30, 1
}

func (c *selfTest) age() int {
	if c.pp.p.Birth.IsZero() && c.pp.p.Age > 0 {
		return c.pp.p.Age
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
	c.pp.p.Birth, c.pp.p.Age = score.Date{Year: y, Month: time.Month(m), Day: 1}, 0
	c.keep(ctx)
}

// needsBase reports whether the title held needs the base condition and
// would count more than the education.
func (c *selfTest) needsBase() bool {
	tr := score.TitleRuleOf(c.pp.p.Title)
	return tr.NeedsBase && tr.Points > score.EducationRuleOf(c.pp.p.Education).Points
}

func (c *selfTest) renderTitle() app.UI {
	tr := score.TitleRuleOf(c.pp.p.Title)
	w, _ := score.WageAt(c.today)
	return app.Elem("div").Body(
		radioGroup("title", "您有职称或职业技能等级证书吗？", "学历和职称只计较高的一项；证书须与现在的岗位相符。", titleChoices(), titleValue(c.pp.p.Title), c.onPick("title")),
		app.If(c.needsBase(), func() app.UI {
			return app.Elem("div").ID("base-followup").Class("followup").Body(
				radioGroup("title_base_ok", "近 12 个月中，是否至少 6 个月社保缴费基数 ≥ "+score.YuanText(w.Yuan)+" 元/月？",
					tr.Name+"要求社保缴费基数达到上年度平均工资（"+score.YuanText(w.Yuan)+" 元/月），否则此等级计 0 分。不清楚时选“不清楚”，结果会说明按什么推定。",
					[]choice{{"1", "是", ""}, {"0", "否", ""}, {"unknown", "不清楚", ""}}, c.baseAnswer(), c.onPick("title_base_ok")),
				app.If(c.baseMissing, func() app.UI {
					return app.Elem("p").Class("field-error").Role("alert").Text("请先回答这个问题：选“是”“否”或“不清楚”。")
				}),
			)
		}),
	)
}

// baseAnswer is the follow-up's selected value: none until answered.
func (c *selfTest) baseAnswer() string {
	if c.askBase {
		return ""
	}
	if v := baseOK(c.pp.p); v != "" {
		return v
	}
	return "unknown"
}

func (c *selfTest) renderSpouse() app.UI {
	married := "0"
	if c.pp.p.SpouseYears > 0 {
		married = "1"
	}
	return app.Elem("div").Body(
		radioGroup("spouse", "配偶是上海户籍吗？", spouseHint(), []choice{{"0", "否 / 未婚", ""}, {"1", "是", ""}}, married, c.onPick("spouse")),
		app.If(c.pp.p.SpouseYears > 0, func() app.UI {
			return stepper("spouse_years", "婚龄（满几年）", "年", func() int { return c.pp.p.SpouseYears }, 1, 60, func(ctx app.Context, v int) {
				c.setYears(ctx, "spouse_years", v)
			})
		}),
	)
}

// onPick is the handler of a radio group.
func (c *selfTest) onPick(name string) func(ctx app.Context, v string) {
	return func(ctx app.Context, v string) { c.pick(ctx, name, v) }
}

// pick answers a radio question.
func (c *selfTest) pick(ctx app.Context, name, v string) {
	p := &c.pp.p
	switch name {
	case "education":
		p.Education = score.Education(noneToZero(v))
	case "title":
		before := c.needsBase()
		p.Title = score.Title(noneToZero(v))
		switch {
		case !c.needsBase():
			c.askBase, c.baseMissing = false, false
		case !before:
			setBaseOK(p, "")
			c.askBase = true
			c.showFollowup(ctx)
		}
	case "title_base_ok":
		if v == "unknown" {
			v = ""
		}
		setBaseOK(p, v)
		c.askBase, c.baseMissing = false, false
	case "base_tier":
		p.BaseTier, p.BaseMonthlyFen = score.Tier(v), 0
	case "spouse":
		if v == "1" {
			p.SpouseYears = max(p.SpouseYears, 1)
		} else {
			p.SpouseYears = 0
		}
	default:
		return
	}
	c.keep(ctx)
}

// setYears answers a number question.
func (c *selfTest) setYears(ctx app.Context, id string, v int) {
	switch id {
	case "insurance_years":
		c.pp.p.InsuranceYears = clamp(v, 0, 45)
	case "spouse_years":
		c.pp.p.SpouseYears = clamp(v, 1, 60)
	}
	c.keep(ctx)
}

// showFollowup scrolls the follow-up question into view and focuses it.
func (c *selfTest) showFollowup(ctx app.Context) {
	ctx.Defer(func(ctx app.Context) {
		doc := app.Window().Get("document")
		if el := doc.Call("getElementById", "title_base_ok-legend"); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center", "behavior": "smooth"})
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

// keep puts the answers in the address bar and, since the visitor gave
// them, saves them on this device.
func (c *selfTest) keep(ctx app.Context) {
	showProfile(ctx, &c.pp)
	if !c.embed || c.pp.src != srcNone {
		c.pp.src = srcOwn
	}
	visit.shared = ""
	saveAnswers(ctx, c.pp.p)
}

func (c *selfTest) next(ctx app.Context, e app.Event) {
	e.PreventDefault()
	c.advance(ctx)
}

// advance goes to the next question, or to the result after the last.
func (c *selfTest) advance(ctx app.Context) {
	if c.step == stepTitle && c.askBase && c.needsBase() {
		c.baseMissing = true // the follow-up waits for its answer
		c.showFollowup(ctx)
		return
	}
	if c.pp.p.Birth.IsZero() && c.pp.p.Age == 0 {
		y, m := c.birthYearMonth()
		c.pp.p.Birth = score.Date{Year: y, Month: time.Month(m), Day: 1}
	}
	c.keep(ctx)
	if c.step == stepCount-1 {
		if c.embed {
			c.res, _ = score.Evaluate(c.pp.p)
			c.done = true
			return
		}
		ctx.Navigate(link(PathResult, c.pp.p))
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
	c.pp = pageProfile{p: defaultAnswers(c.today)}
	c.restored, c.askBase = false, false
	c.step = 0
	setAddress(app.Window().Get("location").Get("pathname").String(), "", "")
}

// baseOK is the title base condition as the follow-up question shows
// it: "1", "0", or "" when the visitor does not know.
func baseOK(p score.Profile) string {
	if p.TitleBaseOK {
		return "1"
	}
	return ""
}

// setBaseOK answers the title base condition: "1", "0" or "" (unknown,
// the key left out).
func setBaseOK(p *score.Profile, v string) {
	p.TitleBaseOK = v == "1"
}

func spouseHint() string {
	return "配偶为上海户籍，婚龄每满 1 年加 " + itoa(score.SpousePointsPerYear) + " 分，最多 " + itoa(score.SpouseCap) + " 分。"
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
		cs = append(cs, choice{eduValue(r.Value), r.Name, strconv.Itoa(r.Points) + " 分"})
	}
	return cs
}

func titleChoices() []choice {
	cs := []choice{{"none", "没有", "0 分"}}
	for i := len(score.TitleTable) - 1; i >= 1; i-- {
		r := score.TitleTable[i]
		sub := strconv.Itoa(r.Points) + " 分"
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
	w, _ := score.WageAt(today)
	fen := w.Yuan * 100
	// the lowest whole yuan at or above a multiple num/den of the wage
	at := func(num, den int64) int64 { return (fen*num/den + 99) / 100 }
	y08, y1, y2, y3 := at(8, 10), at(1, 1), at(2, 1), at(3, 1)
	return []choice{
		{"none", "低于 " + score.YuanText(y08) + " 元/月，或不清楚", "0 分"},
		{"0.8", score.YuanText(y08) + "–" + score.YuanText(y1-1) + " 元/月", "平均工资 0.8–1 倍，25 分"},
		{"1", score.YuanText(y1) + "–" + score.YuanText(y2-1) + " 元/月", "1–2 倍，50 分"},
		{"2", score.YuanText(y2) + "–" + score.YuanText(y3-1) + " 元/月", "2–3 倍，100 分"},
		{"3", score.YuanText(y3) + " 元/月（缴费上限）", "3 倍，120 分"},
	}
}

func baseHint(today score.Date) string {
	w, _ := score.WageAt(today)
	return "按 " + w.From.String()[:7] + " 起使用的上年度月平均工资 " + score.YuanText(w.Yuan) + " 元计算。须近 48 个月中累计 36 个月达到（3 倍档：近 36 个月中 24 个月），社保不满 3 年时暂不计分。"
}
