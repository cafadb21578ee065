package score

// 加分指标: 全日制应届高校毕业生. 10 points, for full-time graduates only:
// without full_time it scores 0 with a warning (rules.md "Bonus
// indicators", fresh_graduate; medium).

// IDFreshGraduate is the indicator's ID.
const IDFreshGraduate ID = "fresh_graduate"

var freshGradPts = param{"fresh_graduate.points", []value{{&rulesPeriod, 10, Medium, "毕业后多久内可以申请，未见明确规定"}}}

var freshGradItem = Indicator{ID: IDFreshGraduate, Name: "全日制应届高校毕业生", Key: "fresh_graduate", claimed: func(p *Profile) bool { return p.FreshGraduate }}

var freshGradInd = module{seq: 160, group: GroupBonus, items: []*Indicator{&freshGradItem}, keys: []string{"fresh_graduate"},
	params: []*param{&freshGradPts}, score: scoreFreshGrad, rules: freshGradRules, help: freshGradHelp}

func init() { register(&freshGradInd) }

func scoreFreshGrad(e *eval) {
	if !e.p.FreshGraduate {
		return
	}
	full := e.n(&freshGradPts)
	pts := 0
	if e.p.FullTime == Yes {
		pts = full
	}
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	why := e.f("全日制应届高校毕业生 {0} 分", full)
	switch e.p.FullTime {
	case No:
		why = "应届毕业生加分只适用于全日制毕业生，您填写的是非全日制，计 0 分"
		e.warn("应届毕业生加分按定义只适用于全日制毕业生，与“非全日制”矛盾，请核对。")
	case Unknown:
		why = "应届毕业生加分只适用于全日制毕业生，未确认是否全日制，计 0 分"
		e.warn("应届毕业生加分只适用于全日制毕业生：如果您是全日制毕业，请在“全日制学历”选“是”。")
	}
	e.max = full
	e.item(&freshGradItem, pts, why)
}

func freshGradRules(w *ruleWriter) {
	w.row(&freshGradItem, w.f("{fresh_graduate.points} 分"), "只适用于全日制毕业生")
}

func freshGradHelp(_ string, r *reader) string {
	return r.f("全日制应届高校毕业生 {fresh_graduate.points} 分；非全日制或未确认全日制时不计。")
}
