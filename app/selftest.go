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
	// last are the answers saved on this device, when the self-test starts
	// empty beside them (a new test is a new person's: an HR officer tests
	// several people on one device).
	last  score.Profile
	today score.Date
	// married: the spouse question is answered yes (its years may be 0,
	// 不满 1 年); numErr: a number typed that cannot be used, by key.
	married bool
	numErr  map[string]string
	// askBase: the follow-up on the title's base condition is shown and
	// waits for an answer (nothing is preselected); baseMissing: 下一题
	// was pressed before it was answered.
	askBase, baseMissing bool
	// birthY, birthM: the year and month picked so far (0: not yet);
	// eduSet: the education question is answered; missing: 下一题 was
	// pressed before the question on screen was answered.
	birthY, birthM int
	eduSet         bool
	missing        bool

	// embed: the compact self-test of /embed, for partner iframes, which
	// shows the result in place.
	embed bool
	done  bool // the result is shown (embed)
	res   score.Result
}

var _ app.Navigator = (*selfTest)(nil)

// A first-time visitor answers the birth date and the education: they
// have no default, since a guessed one would give a score that is not the
// visitor's. The other questions start at the answer that adds nothing
// (no title, 0 years, no base tier, no spouse), so skipping one never
// gives a pass that is not there.

// newSelfTest is the self-test of the page table (embed for /embed).
func newSelfTest(embed bool) *selfTest {
	return &selfTest{embed: embed, today: score.Today()}
}

func (c *selfTest) OnNav(ctx app.Context) {
	if c.embed {
		setMeta(ctx, PathEmbed)
	} else {
		setMeta(ctx, PathSelfTest)
	}
	c.today = score.Today()
	c.step, c.done, c.restored, c.missing = 0, false, false, false
	c.numErr = map[string]string{}
	c.pp = loadProfile(ctx, c.embed)
	c.last = score.Profile{}
	if c.pp.src == srcSaved && !c.embed {
		// start empty; the saved answers are one press away
		c.last, c.pp = c.pp.p, pageProfile{savedProbs: c.pp.savedProbs}
	}
	c.begin()
	c.applyPending(ctx)
}

// begin sets the questions' state from the answers: answers that came
// with the link or were saved count as given.
func (c *selfTest) begin() {
	c.pp.p.AsOf = score.Date{} // the self-test always scores today
	c.eduSet = !c.pp.empty()
	c.birthY, c.birthM = 0, 0
	if y, m, ok := c.birthYearMonth(); ok {
		c.birthY, c.birthM = y, m
	}
	c.married = c.pp.p.SpouseYears > 0
	c.askBase = c.needsBase() && baseOK(c.pp.p) == ""
}

// fromLast starts from the answers saved last time.
func (c *selfTest) fromLast(ctx app.Context, e app.Event) {
	c.pp = pageProfile{p: c.last, src: srcSaved}
	c.last, c.restored, c.step, c.missing = score.Profile{}, true, 0, false
	c.begin()
	showProfile(ctx, &c.pp)
	c.focusQuestion(ctx)
}

// applyPending applies what the visitor did on the pre-rendered page
// before the app ran: the values picked, then the button pressed.
func (c *selfTest) applyPending(ctx app.Context) {
	fields, action := takePending()
	for _, f := range fields {
		switch {
		case f.id == "birth-year" || f.id == "birth-month":
			c.pickBirth(ctx, f.id, f.value)
		case f.typ == "radio" && f.checked:
			c.pick(ctx, f.name, f.value)
		case f.id == "insurance_years" || f.id == "spouse_years":
			c.setYears(ctx, f.id, f.value)
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
		savedNotice(c.pp.savedProbs),
		problemNotice(c.pp.probs),
		app.If(c.last != score.Profile{}, func() app.UI {
			return app.Elem("div").Class("notice notice-info").Role("status").Attr("data-testid", "last-answers").Body(
				app.Elem("p").Text("这台设备上有上次的答案。新的自测从空白开始；也可以接着上次的答案改。"),
				app.Elem("div").Class("row").Body(
					app.Elem("button").Attr("type", "button").Class("btn btn-small").ID("from-last").Text("从上次的答案开始").OnClick(c.fromLast),
					app.Elem("a").Class("btn btn-small btn-ghost").Attr("href", link(PathResult, c.last)).Text("查看上次结果"),
				),
			)
		}),
		app.If(c.restored, func() app.UI {
			return app.Elem("div").Class("notice notice-info").Role("status").Body(
				app.Elem("p").Text("已载入您上次在这台设备上的答案。"),
				app.Elem("div").Class("row").Body(
					app.Elem("a").Class("btn btn-small").Attr("href", link(PathResult, c.pp.p)).Text("查看上次结果"),
				),
			)
		}),
		c.renderQuiz(),
		app.Elem("p").Class("muted small").Text("不要手机号、不用注册。出生年月和学历必答；其余不确定的题可以直接点“下一题”，按不加分计算。"),
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
		app.Elem("form").Class("quiz-form").Attr("novalidate", true).OnSubmit(c.next).Body(
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
		edu := ""
		if c.eduSet {
			edu = eduValue(c.pp.p.Education)
		}
		return app.Elem("div").Body(
			radioGroup("education", "您的学历是？", "按取得的最高一级填；须为国家承认的学历，境外学历需留服认证。", choices(score.EducationChoices(c.today)), edu, c.onPick("education")),
			c.missingNote("请先选择您的学历。"),
		)
	case stepTitle:
		return c.renderTitle()
	case stepYears:
		return app.Elem("fieldset").Class("choices").Body(
			app.Elem("legend").ID("years-legend").TabIndex(-1).Class("question").Text("在上海缴纳职工社保满几年？"),
			app.Elem("p").Class("hint").Text(para(score.FieldHelp("insurance_years", c.today)+"不满一年的零头不算。")),
			c.yearsStepper("insurance_years", "社保年限", func() int { return c.pp.p.InsuranceYears }),
		)
	case stepBase:
		q, hint := score.TierQuestion(c.today)
		return radioGroup("base_tier", q, hint, choices(score.BaseTierChoices(c.today)), tierValue(c.pp.p.BaseTier), c.onPick("base_tier"))
	}
	return c.renderSpouse()
}

func (c *selfTest) renderBirth() app.UI {
	var years []int
	// the birth years of the ages a profile may have, youngest first
	youngest, oldest := score.FieldByKey("age").Range()
	for yr := c.today.Year - int(youngest); yr >= c.today.Year-int(oldest); yr-- {
		years = append(years, yr)
	}
	option := func(v int, text string, selected bool) app.UI {
		return app.Elem("option").Attr("value", v).Attr("selected", boolAttr(selected)).Text(text)
	}
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").ID("birth-legend").TabIndex(-1).Class("question").Text("您的出生年月是？"),
		app.Elem("p").Class("hint").Text(para(score.FieldHelp("birth", c.today))),
		app.Elem("div").Class("row birth-row").Body(
			app.Elem("div").Class("field").Body(
				app.Elem("label").Attr("for", "birth-year").Text("出生年份"),
				app.Elem("select").ID("birth-year").Class("select").OnChange(c.onBirth).Body(
					app.Elem("option").Attr("value", "").Attr("selected", boolAttr(c.birthY == 0)).Text("请选择年份"),
					app.Range(years).Slice(func(i int) app.UI {
						return option(years[i], strconv.Itoa(years[i])+" 年", years[i] == c.birthY)
					}),
				),
			),
			app.Elem("div").Class("field").Body(
				app.Elem("label").Attr("for", "birth-month").Text("月份"),
				app.Elem("select").ID("birth-month").Class("select").OnChange(c.onBirth).Body(
					app.Elem("option").Attr("value", "").Attr("selected", boolAttr(c.birthM == 0)).Text("请选择月份"),
					app.Range(months).Slice(func(i int) app.UI {
						return option(i+1, months[i], i+1 == c.birthM)
					}),
				),
			),
		),
		app.If(c.birthY > 0 && c.birthM > 0, func() app.UI {
			return app.Elem("p").Class("hint").Attr("data-testid", "age-hint").Text(para(score.AgeHint(c.age(), c.today)))
		}),
		c.missingNote("请先选择出生年份和月份。"),
	)
}

// missingNote says that the question on screen waits for its answer.
func (c *selfTest) missingNote(text string) app.UI {
	if !c.missing {
		return nil
	}
	return app.Elem("p").Class("field-error").Role("alert").Text(text)
}

var months = []string{"1 月", "2 月", "3 月", "4 月", "5 月", "6 月", "7 月", "8 月", "9 月", "10 月", "11 月", "12 月"}

// birthYearMonth is the birth year and month of the answers: the birth
// date, or one derived from an age given in a link; ok is false when
// neither is known.
func (c *selfTest) birthYearMonth() (y, m int, ok bool) {
	switch {
	case !c.pp.p.Birth.IsZero():
		return c.pp.p.Birth.Year, int(c.pp.p.Birth.Month), true
	case c.pp.p.Age > 0:
		return c.today.Year - c.pp.p.Age, int(c.today.Month), true
	}
	return 0, 0, false
}

func (c *selfTest) age() int {
	if c.pp.p.Birth.IsZero() && c.pp.p.Age > 0 {
		return c.pp.p.Age
	}
	return score.Date{Year: c.birthY, Month: time.Month(c.birthM), Day: 1}.YearsTo(c.today)
}

func (c *selfTest) onBirth(ctx app.Context, e app.Event) {
	c.pickBirth(ctx, ctx.JSSrc().Get("id").String(), ctx.JSSrc().Get("value").String())
}

// pickBirth takes the birth year or month; once both are picked they are
// the answer (a birth date replaces an age).
func (c *selfTest) pickBirth(ctx app.Context, id, value string) {
	v, _ := strconv.Atoi(value) // "" (请选择): 0
	if id == "birth-year" {
		c.birthY = v
	} else {
		c.birthM = v
	}
	if c.birthY == 0 || c.birthM == 0 {
		return
	}
	c.missing = false
	c.pp.p.Birth, c.pp.p.Age = score.Date{Year: c.birthY, Month: time.Month(c.birthM), Day: 1}, 0
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
	if c.married {
		married = "1"
	}
	return app.Elem("div").Body(
		radioGroup("spouse", "配偶是上海户籍吗？", score.SpouseHint(c.today), []choice{{"0", "否 / 未婚", ""}, {"1", "是", ""}}, married, c.onPick("spouse")),
		app.If(c.married, func() app.UI {
			return app.Elem("div").Body(
				c.yearsStepper("spouse_years", "与上海户籍配偶的婚龄（满几年）", func() int { return c.pp.p.SpouseYears }),
				app.If(c.pp.p.SpouseYears == 0 && c.numErr["spouse_years"] == "", func() app.UI {
					return app.Elem("p").Class("hint").Attr("data-testid", "spouse-zero").Text("不满 1 年，不加分。")
				}),
			)
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
		c.eduSet, c.missing = true, false
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
		c.married = v == "1"
		if !c.married {
			p.SpouseYears = 0
			delete(c.numErr, "spouse_years")
		}
	default:
		return
	}
	c.keep(ctx)
}

// setYears answers a number question with the text typed: a number the
// field cannot take is said inline, with the field's own message (the
// calculator's), and the answer stays as it was.
func (c *selfTest) setYears(ctx app.Context, key, raw string) {
	if pr := score.FieldByKey(key).Set(&c.pp.p, raw); pr != nil {
		c.numErr[key] = pr.Zh
		return
	}
	delete(c.numErr, key)
	c.keep(ctx)
}

// yearsStepper is the stepper of a key of whole years, in its range, with
// its message when what is typed cannot be used.
func (c *selfTest) yearsStepper(key, label string, get func() int) app.UI {
	f := score.FieldByKey(key)
	lo, hi := f.Range()
	return stepper(key, label, f.Unit, get, int(lo), int(hi), c.numErr[key],
		func(ctx app.Context, raw string) { c.setYears(ctx, key, raw) })
}

// showFollowup scrolls the follow-up question into view and focuses it.
func (c *selfTest) showFollowup(ctx app.Context) {
	ctx.Defer(func(ctx app.Context) {
		doc := app.Window().Get("document")
		if el := doc.Call("getElementById", "title_base_ok-legend"); el.Truthy() {
			scrollIntoView(el, "center")
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

// keep puts the answers in the address bar and, since the visitor gave
// them, saves them on this device.
func (c *selfTest) keep(ctx app.Context) {
	c.pp.src, visit.shared = srcOwn, "" // answers given here are the visitor's
	edited(ctx, &c.pp)
}

func (c *selfTest) next(ctx app.Context, e app.Event) {
	e.PreventDefault()
	c.advance(ctx)
}

// advance goes to the next question, or to the result after the last.
func (c *selfTest) advance(ctx app.Context) {
	switch {
	case c.step == stepTitle && c.askBase && c.needsBase():
		c.baseMissing = true // the follow-up waits for its answer
		c.showFollowup(ctx)
		return
	case c.step == stepBirth && c.pp.p.Birth.IsZero() && c.pp.p.Age == 0,
		c.step == stepEducation && !c.eduSet:
		c.missing = true // this question has no default
		c.focusQuestion(ctx)
		return
	case c.step == stepYears && c.numErr["insurance_years"] != "",
		c.step == stepSpouse && c.numErr["spouse_years"] != "":
		c.focusInput(ctx) // the number typed cannot be used: said inline
		return
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
	c.missing = false
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

// focusInput focuses the number field on screen.
func (c *selfTest) focusInput(ctx app.Context) {
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().Get("document").Call("querySelector", ".quiz .step-input"); el.Truthy() {
			el.Call("focus")
		}
	})
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
