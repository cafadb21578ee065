package score

// 加分指标: 紧缺急需专业 (shortage major). 30 points if the major is on the
// published shortage list (a list of 专科 majors) and the post matches
// (high); sources agree that it applies to full-time 大专 graduates only
// (medium): with another education, or without full_time, it scores 0
// with a warning saying why (rules.md "Bonus indicators", shortage_major).

// IDShortageMajor is the indicator's ID.
const IDShortageMajor ID = "shortage_major"

var (
	shortagePts = param{"shortage_major.points", []value{{&rulesPeriod, 30, High, ""}}}
	// shortageFullTimeCollege is 1 while the bonus is for full-time 大专
	// graduates only.
	shortageFullTimeCollege = param{"shortage_major.full_time_college", []value{{&rulesPeriod, 1, Medium, "只适用于全日制大专（专科）毕业生，见于多个来源（“紧缺专业只针对专科”），未见原文"}}}
)

var shortageItem = Indicator{ID: IDShortageMajor, Name: "紧缺急需专业", Key: "shortage_major", claimed: func(p *Profile) bool { return p.ShortageMajor }}

var shortageInd = module{seq: 120, group: GroupBonus, items: []*Indicator{&shortageItem}, keys: []string{"shortage_major"},
	params: []*param{&shortagePts, &shortageFullTimeCollege}, score: scoreShortage, rules: shortageRules, help: shortageHelp}

func init() { register(&shortageInd) }

func scoreShortage(e *eval) {
	if !e.p.ShortageMajor {
		return
	}
	full, only := e.n(&shortagePts), e.n(&shortageFullTimeCollege) == 1
	pts := full
	if only && (e.edu != EduCollege || e.p.FullTime != Yes) {
		pts = 0
	}
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	why := e.f("紧缺急需专业 {0} 分（专业在本市紧缺急需目录内，且从事相应岗位）", full)
	switch {
	case pts > 0:
	case e.edu != EduCollege:
		why = e.fs("紧缺急需专业加分只适用于全日制大专（专科）学历，您填写的学历是{a}，计 0 分", []string{EducationRuleOf(e.edu).Name})
		e.warn("紧缺急需专业加分据各来源只针对全日制大专（专科）毕业生：学历不是大专时不计分。")
	case e.p.FullTime == No:
		why = "紧缺急需专业加分须为全日制大专学历，您填写的是非全日制，计 0 分"
		e.warn("紧缺急需专业加分据各来源须为全日制学历，非全日制不计分。")
	default:
		why = "紧缺急需专业加分须为全日制大专学历，未确认是否全日制，计 0 分"
		e.warn("紧缺急需专业加分须为全日制大专学历：如果您是全日制毕业，请在“全日制学历”选“是”。")
	}
	e.max = full
	e.itemIf(&shortageItem, pts, why, only && pts == 0) // the disputed condition decides only where it zeroes the points
}

func shortageCond(r *reader) string {
	s := "专业在本市公布的紧缺急需专业目录内（专科专业），且从事相应岗位"
	if r.n(&shortageFullTimeCollege) == 1 {
		s += "；只适用于全日制大专（专科）毕业生"
	}
	return s
}

func shortageRules(w *ruleWriter) {
	w.row(&shortageItem, w.f("{shortage_major.points} 分"), shortageCond(&w.reader))
}

func shortageHelp(_ string, r *reader) string {
	return r.fs("{shortage_major.points} 分：{a}。", []string{shortageCond(r)})
}
