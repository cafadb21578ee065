package score

// Statutory retirement ages, for the plan (rules.md "Retirement"; high):
// flexible retirement (same decision) lets a person retire up to 3 years
// earlier than the new age (never before the original age) or, with the
// employer's agreement, up to 3 years later; plans use the new statutory
// age, and whether someone past it on agreed late retirement can still
// apply for points is not confirmed (low).
//
// from 2025-01-01 men rise from 60 to 63 and women with an original age of
// 55 from 55 to 58, one month later for every 4 months of later birth;
// women with an original age of 50 from 50 to 55, one month later for
// every 2 months. The first affected are those who would have retired in
// 2025-01 (each 1 month later).

// RetireGroup is the statutory retirement rule that applies to a person.
type RetireGroup string

// RetireGroup values of the profile.
const (
	RetireNone     RetireGroup = ""
	RetireMale     RetireGroup = "male"
	RetireFemale55 RetireGroup = "female55"
	RetireFemale50 RetireGroup = "female50"
)

// retirePeriod: the reform applies from its first month on; no known end.
var retirePeriod = period{Date{2025, 1, 1}, Date{}, SrcRetirement, pkOpen}

var (
	retireMaleOrig  = param{"retire.male.original_age", []value{{&retirePeriod, 60, High, ""}}}
	retireMaleNew   = param{"retire.male.new_age", []value{{&retirePeriod, 63, High, ""}}}
	retireMaleStep  = param{"retire.male.step_months", []value{{&retirePeriod, 4, High, ""}}}
	retireF55Orig   = param{"retire.female55.original_age", []value{{&retirePeriod, 55, High, ""}}}
	retireF55New    = param{"retire.female55.new_age", []value{{&retirePeriod, 58, High, ""}}}
	retireF55Step   = param{"retire.female55.step_months", []value{{&retirePeriod, 4, High, ""}}}
	retireF50Orig   = param{"retire.female50.original_age", []value{{&retirePeriod, 50, High, ""}}}
	retireF50New    = param{"retire.female50.new_age", []value{{&retirePeriod, 55, High, ""}}}
	retireF50Step   = param{"retire.female50.step_months", []value{{&retirePeriod, 2, High, ""}}}
	retireFlexEarly = param{"retire.flex_earlier_years", []value{{&retirePeriod, 3, High, ""}}}
	retireFlexLate  = param{"retire.flex_later_years", []value{{&retirePeriod, 3, High, ""}}}
	// retireLateApply is 1 when someone past the statutory age on agreed
	// late retirement may still apply for points: not confirmed, so 0.
	retireLateApply  = param{"retire.late_can_apply", []value{{&retirePeriod, 0, Low, "协议延迟退休期间能否申请积分，未见来源证实"}}}
	retireGroupsData = []struct {
		g              RetireGroup
		orig, to, step *param
	}{
		{RetireMale, &retireMaleOrig, &retireMaleNew, &retireMaleStep},
		{RetireFemale55, &retireF55Orig, &retireF55New, &retireF55Step},
		{RetireFemale50, &retireF50Orig, &retireF50New, &retireF50Step},
	}
)

// retireRule is a group's values at a date.
type retireRule struct{ orig, to, step int }

func readRetire(r *reader, g RetireGroup) (retireRule, bool) {
	for _, x := range retireGroupsData {
		if x.g == g {
			return retireRule{r.n(x.orig), r.n(x.to), r.n(x.step)}, true
		}
	}
	return retireRule{}, false
}

// Label is the group's Chinese label: 男, 女（原 55 岁退休）, 女（原 50 岁退休）.
func (g RetireGroup) Label() string {
	r := reader{d: retirePeriod.From}
	rr, _ := readRetire(&r, g)
	switch g {
	case RetireMale:
		return "男"
	case RetireFemale55, RetireFemale50:
		return r.f("女（原 {0} 岁退休）", rr.orig)
	}
	return ""
}

// RetireGroupChoices are the retirement groups for the UI (not given:
// the key is left out and the plan stops at 60).
func RetireGroupChoices() []Choice {
	cs := make([]Choice, 0, len(retireGroupsData))
	for _, x := range retireGroupsData {
		cs = append(cs, Choice{Value: string(x.g), Label: x.g.Label()})
	}
	return cs
}

// RetirementDate is the statutory retirement date of someone of group g
// born on birth (its 1st day when only the month is known): the birth date
// plus the original age plus one month for every step months of birth
// from the first affected birth month on, up to the new age. ok is false
// for an unknown group.
func RetirementDate(g RetireGroup, birth Date) (Date, bool) {
	r := reader{d: birth}
	rr, ok := readRetire(&r, g)
	if !ok {
		return Date{}, false
	}
	return rr.date(birth), true
}

func (rr retireRule) date(birth Date) Date {
	base := birth.AddYears(rr.orig)
	k := base.monthIndex() - retirePeriod.From.monthIndex()
	if k < 0 {
		return base
	}
	return base.AddMonths(min(k/rr.step+1, (rr.to-rr.orig)*12))
}

// birthOf is the birth date a plan uses: birth, or with age only the month
// of as_of, age years earlier.
func birthOf(p *Profile) (Date, bool) {
	switch {
	case !p.Birth.IsZero():
		return p.Birth, true
	case p.Age > 0:
		return Date{p.AsOf.Year - p.Age, p.AsOf.Month, 1}, true
	}
	return Date{}, false
}

func retireHelp(r *reader) string {
	s := r.fs("用于规划：规划推算到法定退休前为止。{a}起法定退休年龄逐步提高：", []string{retirePeriod.From.MonthChinese()})
	for i, x := range retireGroupsData {
		rr, _ := readRetire(r, x.g)
		tmpl := "，原 {0} 岁退休的女性从 {0} 岁到 {1} 岁（每晚出生 {2} 个月延迟 1 个月）"
		if i == 0 {
			tmpl = "男性从 {0} 岁到 {1} 岁（每晚出生 {2} 个月延迟 1 个月）"
		}
		s += r.f(tmpl, rr.orig, rr.to, rr.step)
	}
	return s + r.f("。") + flexText(r) + r.f("不填时推算到 {plan.stop_age} 周岁。")
}

// retiredWarning is a warning when p's statutory retirement date is on or
// before as_of (rules.md "Who can apply": applicants past their statutory
// retirement age cannot), "" otherwise.
func retiredWarning(p *Profile) string {
	birth, ok := birthOf(p)
	if !ok || p.RetireGroup == RetireNone {
		return ""
	}
	ret, ok := RetirementDate(p.RetireGroup, birth)
	if !ok || p.AsOf.Before(ret) {
		return ""
	}
	r := reader{d: p.AsOf}
	return r.fs("按退休类别“{a}”，{b}已到法定退休年龄：退休后不能再以职工身份参保，不能申请积分。{c}", []string{p.RetireGroup.Label(), ret.MonthChinese(), lateApplyText(&r)})
}

func init() {
	registerParams(&retireMaleOrig, &retireMaleNew, &retireMaleStep, &retireF55Orig, &retireF55New, &retireF55Step,
		&retireF50Orig, &retireF50New, &retireF50Step, &retireFlexEarly, &retireFlexLate, &retireLateApply)
}

// flexText is flexible retirement in words: "也可以弹性退休：最多提前 3 年（不早于
// 原退休年龄），或经单位同意最多推迟 3 年。规划按法定退休年龄推算；协议推迟退休可能
// 有更多时间（推迟期间能否申请积分未经证实）。"
func flexText(r *reader) string {
	return r.fs("也可以弹性退休：最多提前 {retire.flex_earlier_years} 年（不早于原退休年龄），或经单位同意最多推迟 {retire.flex_later_years} 年。"+
		"规划按法定退休年龄推算；协议推迟退休可能有更多时间（{a}）。", []string{lateApplyWords(r)})
}

// lateApplyWords says whether agreed late retirement still allows
// applying.
func lateApplyWords(r *reader) string {
	if r.n(&retireLateApply) == 1 {
		return "推迟期间仍可申请积分"
	}
	return "推迟期间能否申请积分未经证实"
}

// lateApplyText is the sentence of a person past the statutory age.
func lateApplyText(r *reader) string {
	return r.fs("经单位同意协议推迟退休的，{a}。", []string{lateApplyWords(r)})
}
