package score

import "sort"

// PlanResult says when a person reaches the standard if nothing changes
// but time, and which single changes get there sooner.
type PlanResult struct {
	AsOf     Date `json:"as_of"`
	Total    int  `json:"total"`
	Standard int  `json:"standard"`
	Vetoed   bool `json:"vetoed"`
	// ReachDate is the first date on which the total is ≥ the standard,
	// or nil; a projection, to be shown to the month.
	ReachDate *Date       `json:"reach_date"`
	Timeline  []YearPoint `json:"timeline"`
	Paths     []Path      `json:"paths"`
	Assume    []string    `json:"assumptions"`
	// Stop says where the projection ends and why.
	Stop PlanStop `json:"stop"`
	Note string   `json:"note,omitempty"`
	// Children checks each child of the profile's children against the
	// reach month (rules.md "Children's exams"; low confidence), in the
	// profile's order; left out without children.
	Children []ChildPlan `json:"children,omitempty"`
	// Result is the evaluation at as_of.
	Result *Result `json:"-"`
}

// PlanStop is where a plan's projection ends: before the statutory
// retirement date of the person's retire_group, or at the end of the
// year of age 60 when no group is given, or after a fixed span when the
// age is unknown.
type PlanStop struct {
	Date   Date   `json:"date"`   // the last day projected
	Reason string `json:"reason"` // StopRetirement, StopAge or StopNoAge
	// Group and Retirement: the retirement group and date, when known.
	Group      RetireGroup `json:"retire_group,omitempty"`
	Retirement *Date       `json:"retirement_date,omitempty"`
	Text       string      `json:"text"` // in Chinese
}

// PlanStop reasons.
const (
	StopRetirement = "retirement"
	StopAge        = "age"
	StopNoAge      = "no_age"
)

// YearPoint is the projected total on one anniversary of as_of.
type YearPoint struct {
	Date            Date `json:"date"`
	Age             int  `json:"age"` // -1 when unknown
	Total           int  `json:"total"`
	AgePoints       int  `json:"age_points"`
	InsuranceYears  int  `json:"insurance_years"`
	InsurancePoints int  `json:"insurance_points"`
}

// Path is one practical single change and what it does. Its dates are
// estimates, to be shown to the month.
type Path struct {
	ID     string `json:"id"`
	Change string `json:"change"` // what to do, in Chinese
	Detail string `json:"detail"` // what it involves and when it pays off
	// EffectiveFrom is the earliest realistic month the change counts,
	// if started on as_of.
	EffectiveFrom Date `json:"effective_from"`
	// PointsGained is the total with the change minus without it, on
	// EffectiveFrom.
	PointsGained int        `json:"points_gained"`
	ReachDate    Date       `json:"reach_date"`
	Confidence   Confidence `json:"confidence"` // of the lead time
	Dispute      string     `json:"dispute,omitempty"`
}

// planPeriod: the plan's own estimates (rules.md "Planning the way to
// 120"), with no known start or end.
var planPeriod = period{Date{}, Date{}, SrcPlan, pkOpen}

// planStopAge: without a retirement group, the plan stops after this
// year of age.
var planStopAge = param{"plan.stop_age", []value{{&planPeriod, 60, High, ""}}}

// noAgeYears bounds the projection when the age is unknown.
const noAgeYears = 45

// growth is a change applied from a date on, for the projection.
type growth struct {
	from    Date
	title   Title
	edu     Education
	tier    Tier
	titleOK Tri
}

// apply moves the state of e (p as given) to date d: insurance years grow
// on each anniversary of as_of (unbroken insurance), and so do spouse,
// key-area and public-service years above 0; from g.from on, the change g
// holds.
func (g *growth) apply(e *eval, p *Profile, d Date) {
	n := p.AsOf.YearsTo(d)
	e.years += n
	if e.spouse > 0 {
		e.spouse += n
	}
	if e.keyArea > 0 {
		e.keyArea += n
	}
	if e.public > 0 {
		e.public += n
	}
	if g == nil || d.Before(g.from) {
		return
	}
	if g.title != TitleNone {
		e.title = g.title
	}
	if g.edu != EduNone {
		e.edu = g.edu
	}
	if g.tier != TierUnset {
		e.tier, e.tierEst = g.tier, false
	}
	if g.titleOK != Unknown {
		e.titleOK = g.titleOK
	}
}

// Plan evaluates p and projects it: see PlanFrom. Its error is always
// Problems.
func Plan(p Profile) (PlanResult, error) {
	if p.AsOf.IsZero() {
		p.AsOf = Today()
	}
	res, err := Evaluate(p)
	if err != nil {
		return PlanResult{}, err
	}
	return PlanFrom(p, res)
}

// PlanFrom projects p from the evaluation res a caller already has (so a
// page computes once): if nothing changes but time, when does the total
// first reach the standard? The projection follows PlanAssumptions and
// stops before the retirement date of p's retire_group, or after age 60
// when it is not given (see PlanStop). Paths are single changes (a skill
// level, a title, the title base condition, a degree, a higher base tier)
// that reach the standard sooner, each from the earliest realistic month,
// never towards something the person already has or exceeds. When res is
// not the evaluation of p at p.AsOf (p.AsOf zero: res.AsOf), p is
// evaluated again. Its error is always Problems.
func PlanFrom(p Profile, res Result) (PlanResult, error) {
	pr, err := planFrom(p, res)
	if err == nil {
		if p.AsOf.IsZero() {
			p.AsOf = pr.AsOf
		}
		pr.Children = childPlans(&p, &pr)
	}
	return pr, err
}

// planStart is the start of a plan and of ReachFrom: the profile dated
// (its own date, else the result's), the result at that date and the
// plan's first fields.
func planStart(p *Profile, res Result) (PlanResult, error) {
	if p.AsOf.IsZero() {
		p.AsOf = res.AsOf
	}
	if res.AsOf != p.AsOf || res.Standard == 0 {
		var err error
		if res, err = Evaluate(*p); err != nil {
			return PlanResult{}, err
		}
	}
	return PlanResult{AsOf: p.AsOf, Total: res.Total, Standard: res.Standard, Vetoed: res.Vetoed,
		Paths: []Path{}, Stop: planStop(p), Result: &res}, nil
}

func planFrom(p Profile, res Result) (PlanResult, error) {
	pr, err := planStart(&p, res)
	if err != nil {
		return pr, err
	}
	res = *pr.Result
	pr.Assume = PlanAssumptions(p)
	end := pr.Stop.Date
	for k := 0; ; k++ {
		d := p.AsOf.AddYears(k)
		if d.After(end) {
			break
		}
		r := reader{d: d}
		age := ageAt(&p, d)
		years := p.InsuranceYears + k
		pr.Timeline = append(pr.Timeline, YearPoint{Date: d, Age: age, Total: total(&p, d, nil),
			AgePoints: readAge(&r).points(age), InsuranceYears: years, InsurancePoints: capped(r.n(&insPerYear)*years, r.n(&insCap))})
	}
	if res.Vetoed {
		pr.Note = "存在一票否决情形，不能申请积分。"
		return pr, nil
	}
	if w := retiredWarning(&p); w != "" {
		pr.Note = w
		return pr, nil
	}
	r0 := reader{d: p.AsOf}
	reach, ok := reachDate(&p, nil, end, Date{}, res.Standard)
	if res.MeetsStandard { // met now, even past the projection's end
		reach, ok = p.AsOf, true
	}
	if ok && reach == p.AsOf {
		pr.ReachDate = &reach
		pr.Note = r0.f("已达到 {standard} 分标准分值。")
		return pr, nil
	}
	limit := Date{}
	if ok {
		pr.ReachDate, limit = &reach, reach
	} else {
		pr.Note = r0.fs("如果只是时间推移、其他情况不变，{a}达不到 {standard} 分。", []string{stopBefore(pr.Stop)})
	}
	for _, group := range planChanges(&p, &res) {
		best := limit
		for _, c := range group {
			g := c.g
			if g.from.After(end) {
				continue
			}
			d, found := reachDate(&p, &g, end, best, res.Standard)
			if !found {
				continue
			}
			best = d
			gain := total(&p, g.from, &g) - total(&p, g.from, nil)
			pr.Paths = append(pr.Paths, Path{ID: c.id, Change: c.change, Detail: c.detail, EffectiveFrom: g.from,
				PointsGained: gain, ReachDate: d, Confidence: c.conf, Dispute: c.dispute})
		}
	}
	sort.SliceStable(pr.Paths, func(i, j int) bool {
		a, b := pr.Paths[i], pr.Paths[j]
		if a.ReachDate != b.ReachDate {
			return a.ReachDate.Before(b.ReachDate)
		}
		return a.PointsGained < b.PointsGained
	})
	return pr, nil
}

// planStop is where the projection of p ends.
func planStop(p *Profile) PlanStop {
	r := reader{d: p.AsOf}
	stopAge := r.n(&planStopAge)
	birth, known := birthOf(p)
	switch {
	case !known:
		s := PlanStop{Date: p.AsOf.AddYears(noAgeYears), Reason: StopNoAge, Group: p.RetireGroup}
		s.Text = r.fs("未填写出生年月或年龄，无法推算年龄和退休时间：推算到 {a}为止。", []string{s.Date.MonthChinese()})
		return s
	case p.RetireGroup != RetireNone:
		ret, _ := RetirementDate(p.RetireGroup, birth)
		s := PlanStop{Date: ret.prevDay(), Reason: StopRetirement, Group: p.RetireGroup, Retirement: &ret}
		s.Text = r.fs("按退休类别“{a}”，{b}到法定退休年龄；规划推算到退休前为止（协议推迟退休可能有更多时间，{c}）。",
			[]string{p.RetireGroup.Label(), ret.MonthChinese(), lateApplyWords(&r)})
		return s
	}
	s := PlanStop{Date: p.AsOf.AddYears(stopAge + 1 - ageAt(p, p.AsOf)).prevDay(), Reason: StopAge}
	if !p.Birth.IsZero() {
		s.Date = p.Birth.AddYears(stopAge + 1).prevDay()
	}
	s.Text = r.fs("未填写退休类别，规划推算到 {plan.stop_age} 周岁为止（{a}）；填写退休类别后按法定退休时间推算。", []string{s.Date.MonthChinese()})
	return s
}

// stopBefore is "法定退休前", "60 周岁前" or "2071 年 11 月前".
func stopBefore(s PlanStop) string {
	switch s.Reason {
	case StopRetirement:
		return "法定退休前"
	case StopAge:
		r := reader{d: s.Date}
		return r.f("{plan.stop_age} 周岁前")
	}
	return s.Date.MonthChinese() + "前"
}

// reachDate returns the first date ≥ as_of and ≤ end on which the total
// with g is ≥ std, looking only before `before` when it is set. The total
// can only rise on an anniversary of as_of or on g.from, so those are the
// dates tried, in order.
func reachDate(p *Profile, g *growth, end, before Date, std int) (Date, bool) {
	for k := 0; ; k++ {
		d, next := p.AsOf.AddYears(k), p.AsOf.AddYears(k+1)
		dates := [2]Date{d}
		n := 1
		if g != nil && g.from.After(d) && g.from.Before(next) {
			dates[1], n = g.from, 2
		}
		for _, x := range dates[:n] {
			if x.After(end) || (!before.IsZero() && !x.Before(before)) {
				return Date{}, false
			}
			if total(p, x, g) >= std {
				return x, true
			}
		}
	}
}

// PlanAssumptions are the rules of the projection of p (at p.AsOf, today
// when zero), in plain words, with the values in force.
func PlanAssumptions(p Profile) []string {
	if p.AsOf.IsZero() {
		p.AsOf = Today()
	}
	r := reader{d: p.AsOf}
	a := readAge(&r)
	w := WageAt(p.AsOf)
	tmpl := "现行积分办法有效期至 {a}，之后的年份假设分值不变。"
	if p.BaseTier == TierUnset && p.BaseMonthlyFen > 0 {
		tmpl = "现行积分办法有效期至 {a}，之后的年份假设分值不变；缴费基数档次按 {b}起的上年度平均工资 {0:Y} 元估算。"
		if !w.Missing.IsZero() {
			tmpl = "现行积分办法有效期至 {a}，之后的年份假设分值不变；缴费基数档次按 {b}起的上年度平均工资 {0:Y} 元估算（{c}）。"
		}
	}
	as := make([]string, 0, 7)
	return append(as, r.f("假设在本市连续缴纳社保、不中断：从计算日期起每满 1 年，社保年限加 1 年（+{insurance.per_year} 分）。"),
		"已填写的婚龄、重点区域年限、公共服务领域年限同样每年加 1 年。",
		r.f("年龄在生日当天增长（只填年龄时，按计算日期的周年增长），{0} 周岁以后年龄分逐年减少。", a.fullUntil()),
		"社保缴费基数档次保持不变，社保年限够了之后开始计分；其他情况都不变。",
		planStop(&p).Text,
		r.fs(tmpl, []string{rulesPeriod.To.Chinese(), w.From.MonthChinese(), missingOrNone(&r, w)}, int(w.Yuan)),
		"每条更快的办法都从最早可能的月份起计分："+leadTimesText(&r)+"；日期只是估计，只精确到月。")
}

// missingOrNone is missingText for a figure used past its period, "" for
// a known one.
func missingOrNone(r *reader, w WageFigure) string {
	if w.Missing.IsZero() {
		return ""
	}
	return missingText(r, w.Missing)
}
