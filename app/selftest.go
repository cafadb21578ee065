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
		return radioGroup("education", "您的学历是？", "按取得的最高一级填；须为国家承认的学历，境外学历需留服认证。", choices(score.EducationChoices(c.today)), eduValue(c.pp.p.Education), c.onPick("education"))
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
		return radioGroup("base_tier", "近几年大多数月份的社保缴费基数是？", score.FieldHelp("base_tier", c.today), choices(score.BaseTierChoices(c.today)), tierValue(c.pp.p.BaseTier), c.onPick("base_tier"))
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
		app.Elem("p").Class("hint").Text(score.AgeHint(c.age(), c.today)),
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
	return tr.NeedsBase && tr.PointsAt(c.today) > score.EducationRuleOf(c.pp.p.Education).PointsAt(c.today)
}

func (c *selfTest) renderTitle() app.UI {
	tr := score.TitleRuleOf(c.pp.p.Title)
	return app.Elem("div").Body(
		radioGroup("title", "您有职称或职业技能等级证书吗？", "学历和职称只计较高的一项；证书须与现在的岗位相符。", choices(score.TitleChoices(c.today)), titleValue(c.pp.p.Title), c.onPick("title")),
		app.If(c.needsBase(), func() app.UI {
			return app.Elem("div").ID("base-followup").Class("followup").Body(
				radioGroup("title_base_ok", "您的"+tr.Name+"满足职称基数条件吗？",
					score.FieldHelp("title_base_ok", c.today)+"不满足时此等级计 0 分。",
					choices(score.TriChoices()), c.baseAnswer(), c.onPick("title_base_ok")),
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
		radioGroup("spouse", "配偶是上海户籍吗？", score.SpouseHint(c.today), []choice{{"0", "否 / 未婚", ""}, {"1", "是", ""}}, married, c.onPick("spouse")),
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
	switch p.TitleBaseOK {
	case score.Yes:
		return "1"
	case score.No:
		return "0"
	}
	return ""
}

// setBaseOK answers the title base condition: "1", "0" or "" (unknown,
// the key left out).
func setBaseOK(p *score.Profile, v string) {
	switch v {
	case "1":
		p.TitleBaseOK = score.Yes
	case "0":
		p.TitleBaseOK = score.No
	default:
		p.TitleBaseOK = score.Unknown
	}
}

// choices are score's answers as radio choices; "" (the key left out)
// becomes valueUnknown, or "none" for an enum's lowest value.
func choices(cs []score.Choice) []choice {
	out := make([]choice, len(cs))
	for i, c := range cs {
		v := c.Value
		if v == "" {
			v = valueUnknown
		}
		out[i] = choice{v, c.Label, c.Note}
	}
	return out
}

// valueUnknown is the value of a "不清楚" answer, which leaves its key out.
const valueUnknown = "unknown"

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
