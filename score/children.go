package score

import (
	"strconv"
	"time"
)

// Children's exams (rules.md "Children's exams: why the date matters";
// low: no official text was found). A child enters primary school in
// September of the year they turn 6 by 31 August (born 1 September or
// later: the next year); Shanghai has 5 years of primary and 4 of junior
// high school, so the 中考 is in June 9 years after school entry and the
// 高考 in June 3 years after that. The parent's points notice must be held
// at the registration, taken as November of the year before the exam; the
// application takes about 3 months from reaching 120 to holding the
// notice, so the latest month to reach 120 is 3 months before the
// registration. The verdict per exam: in time (margin of 6 months or
// more), tight (0 to 5), late (short, or 120 never reached), passed (the
// registration is over); the 高考 needs a Shanghai 中考.

// SrcExams is the source of the exam timeline, as cited to the user.
const SrcExams = "上海市教育委员会、上海市教育考试院的招生考试规定（未找到原文，按各来源的常见说法）"

// examDispute is the one line of every value of the timeline, said once
// where it is used.
const examDispute = "未找到官方原文，以当年市教委、市教育考试院通知为准"

var examPeriod = period{Date{}, Date{}, SrcExams, pkOpen}

var (
	childSchoolAge    = param{"children.school_age", []value{{&examPeriod, 6, Low, examDispute}}}
	childCutoffMonth  = param{"children.cutoff_month", []value{{&examPeriod, 8, Low, examDispute}}} // born by 31 August
	childSchoolMonth  = param{"children.school_month", []value{{&examPeriod, 9, Low, examDispute}}}
	childPrimaryYears = param{"children.primary_years", []value{{&examPeriod, 5, Low, examDispute}}}
	childJuniorYears  = param{"children.junior_years", []value{{&examPeriod, 4, Low, examDispute}}}
	childSeniorYears  = param{"children.senior_years", []value{{&examPeriod, 3, Low, examDispute}}}
	childExamMonth    = param{"children.exam_month", []value{{&examPeriod, 6, Low, examDispute}}}
	childRegMonth     = param{"children.registration_month", []value{{&examPeriod, 11, Low, examDispute}}} // of the year before the exam
	childProcessing   = param{"children.processing_months", []value{{&examPeriod, 3, Low, examDispute}}}
	childTightMonths  = param{"children.tight_months", []value{{&examPeriod, 6, Low, examDispute}}}
	childMaxAge       = param{"children.max_age", []value{{&examPeriod, 20, Low, examDispute}}}
)

func init() {
	registerParams(&childSchoolAge, &childCutoffMonth, &childSchoolMonth, &childPrimaryYears, &childJuniorYears, &childSeniorYears,
		&childExamMonth, &childRegMonth, &childProcessing, &childTightMonths, &childMaxAge)
}

// Month is a calendar month, for projections shown to the month.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf is the month of d.
func MonthOf(d Date) Month { return Month{d.Year, d.Month} }

// String writes YYYY-MM.
func (m Month) String() string {
	b := appendPadded(make([]byte, 0, 7), m.Year, 4)
	return string(appendPadded(append(b, '-'), int(m.Month), 2))
}

// Chinese writes "2033 年 6 月".
func (m Month) Chinese() string { return m.First().MonthChinese() }

// First is the month's first day.
func (m Month) First() Date { return Date{m.Year, m.Month, 1} }

// MarshalText writes YYYY-MM.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

func (m Month) add(n int) Month { return MonthOf(m.First().AddMonths(n)) }

// Verdict says whether a child's exam is in time for the plan.
type Verdict string

// The verdicts of profile.md.
const (
	InTime Verdict = "in_time" // margin of children.tight_months or more
	Tight  Verdict = "tight"   // 0 to children.tight_months − 1
	Late   Verdict = "late"    // short, or the standard never reached
	Passed Verdict = "passed"  // the registration is before as_of's month
)

// ExamCheck is one exam of a child against the plan.
type ExamCheck struct {
	Exam        string // "zhongkao" or "gaokao"
	Name        string // 中考 or 高考
	Month       Month  // the exam
	Deadline    Month  // the registration, by which the notice must be held
	LatestReach Month  // the latest month to reach the standard
	Verdict     Verdict
	// Margin is the months from the plan's reach month to LatestReach
	// (negative when short); nil when the standard is never reached.
	Margin *int
	// Path is the first of the plan's paths that reaches the standard by
	// LatestReach, when the plan's own month does not (Verdict late); nil
	// when none does.
	Path *Path
}

// ChildPlan is one child of the profile against the plan (rules.md
// "Children's exams"; low confidence).
type ChildPlan struct {
	Birth       Month
	SchoolEntry Month
	Zhongkao    ExamCheck
	Gaokao      ExamCheck
	// RetiresFirst: the parent's statutory retirement month (by
	// retire_group) comes before the 中考 registration.
	RetiresFirst bool
}

// MarshalJSON writes the fields of profile.md: birth, school_entry, then
// for zhongkao and gaokao the exam month, _deadline, _latest_reach,
// _verdict and _margin_months (null when the standard is never reached).
func (c ChildPlan) MarshalJSON() ([]byte, error) {
	b := append([]byte(`{"birth":"`), c.Birth.String()...)
	b = append(append(b, `","school_entry":"`...), c.SchoolEntry.String()...)
	b = append(b, '"')
	for _, x := range []*ExamCheck{&c.Zhongkao, &c.Gaokao} {
		b = append(append(append(b, `,"`...), x.Exam...), `":"`...)
		b = append(b, x.Month.String()...)
		b = append(append(append(b, `","`...), x.Exam...), `_deadline":"`...)
		b = append(b, x.Deadline.String()...)
		b = append(append(append(b, `","`...), x.Exam...), `_latest_reach":"`...)
		b = append(b, x.LatestReach.String()...)
		b = append(append(append(b, `","`...), x.Exam...), `_verdict":"`...)
		b = append(b, x.Verdict...)
		b = append(append(append(b, `","`...), x.Exam...), `_margin_months":`...)
		if x.Margin == nil {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64(*x.Margin), 10)
		}
	}
	return append(b, '}'), nil
}

// examTimeline reads the timeline's values on d.
type examTimeline struct {
	schoolAge, cutoff, schoolMonth, primary, junior, senior, examMonth, reg, processing, tight int
}

func readExams(r *reader) examTimeline {
	return examTimeline{r.n(&childSchoolAge), r.n(&childCutoffMonth), r.n(&childSchoolMonth), r.n(&childPrimaryYears),
		r.n(&childJuniorYears), r.n(&childSeniorYears), r.n(&childExamMonth), r.n(&childRegMonth), r.n(&childProcessing), r.n(&childTightMonths)}
}

// exam is the exam in June of year, its registration and the latest
// month to reach the standard.
func (t examTimeline) exam(id, name string, year int) ExamCheck {
	dl := Month{year - 1, time.Month(t.reg)}
	return ExamCheck{Exam: id, Name: name, Month: Month{year, time.Month(t.examMonth)}, Deadline: dl, LatestReach: dl.add(-t.processing)}
}

// judge gives the verdict of x for the plan's reach month (nil: never)
// on as_of.
func (t examTimeline) judge(x *ExamCheck, reach *Month, asOf Month) {
	if reach != nil {
		m := x.LatestReach.index() - reach.index()
		x.Margin = &m
	}
	switch {
	case x.Deadline.index() < asOf.index():
		x.Verdict = Passed
	case x.Margin == nil || *x.Margin < 0:
		x.Verdict = Late
	case *x.Margin < t.tight:
		x.Verdict = Tight
	default:
		x.Verdict = InTime
	}
}

// childPlans checks each child of p against the plan pr.
func childPlans(p *Profile, pr *PlanResult) []ChildPlan {
	births := p.ChildBirths()
	if len(births) == 0 {
		return nil
	}
	r := reader{d: p.AsOf}
	t := readExams(&r)
	var reach *Month
	if pr.ReachDate != nil {
		m := MonthOf(*pr.ReachDate)
		reach = &m
	}
	asOf := MonthOf(p.AsOf)
	var retire *Month
	if pr.Stop.Retirement != nil {
		m := MonthOf(*pr.Stop.Retirement)
		retire = &m
	}
	cps := make([]ChildPlan, 0, len(births))
	for _, b := range births {
		entry := b.Year + t.schoolAge
		if int(b.Month) > t.cutoff {
			entry++
		}
		zk := entry + t.primary + t.junior
		c := ChildPlan{Birth: MonthOf(b), SchoolEntry: Month{entry, time.Month(t.schoolMonth)},
			Zhongkao: t.exam("zhongkao", "中考", zk), Gaokao: t.exam("gaokao", "高考", zk+t.senior)}
		t.judge(&c.Zhongkao, reach, asOf)
		t.judge(&c.Gaokao, reach, asOf)
		if c.Gaokao.Verdict != Passed && c.Zhongkao.Verdict == Late {
			c.Gaokao.Verdict = Late // the 高考 needs a Shanghai 中考
		}
		for _, x := range []*ExamCheck{&c.Zhongkao, &c.Gaokao} {
			if x.Verdict == Late {
				x.Path = pathBy(pr.Paths, x.LatestReach)
			}
		}
		if c.Gaokao.Verdict == Late && c.Zhongkao.Verdict == Late {
			c.Gaokao.Path = c.Zhongkao.Path
		}
		c.RetiresFirst = retire != nil && retire.index() <= c.Zhongkao.Deadline.index() && c.Zhongkao.Verdict != Passed
		cps = append(cps, c)
	}
	return cps
}

// pathBy is the first path (paths are sorted by their reach date) that
// reaches the standard by the month latest, or nil.
func pathBy(paths []Path, latest Month) *Path {
	for i := range paths {
		if MonthOf(paths[i].ReachDate).index() <= latest.index() {
			return &paths[i]
		}
	}
	return nil
}

// Sentence says, in one plain sentence, whether the exam is in time:
// "孩子 2033 年 6 月中考：须在 2032 年 11 月报名前拿到积分通知书，最晚 2032 年 8 月
// 达到 120 分；按目前规划还有 20 个月余量（来得及）", for the plan pr the check
// belongs to.
func (x ExamCheck) Sentence(pr *PlanResult) string {
	r := reader{d: pr.AsOf}
	head := r.fs("孩子 {a}{b}：须在 {c}报名前拿到积分通知书，最晚 {d}达到 {standard} 分；",
		[]string{x.Month.Chinese(), x.Name, x.Deadline.Chinese(), x.LatestReach.Chinese()})
	switch {
	case x.Verdict == Passed:
		return r.fs("孩子 {a}{b}的报名（{c}）已经过去，这一次的时间已赶不上。", []string{x.Month.Chinese(), x.Name, x.Deadline.Chinese()})
	case x.Verdict == Late && x.Exam == "gaokao" && x.Margin != nil && *x.Margin >= 0:
		return r.fs("孩子 {a}{b}：须先在上海参加中考并读完高中；中考来不及，高考也来不及。", []string{x.Month.Chinese(), x.Name})
	case x.Margin == nil && pr.Vetoed:
		return head + "按目前情况不能申请积分（来不及）。"
	case x.Margin == nil && pr.Result != nil && pr.Result.Retired:
		return head + "已到法定退休年龄，不能申请积分（来不及）。"
	case x.Margin == nil:
		return head + r.fs("按目前规划{a}达不到 {standard} 分（来不及）。", []string{stopBefore(pr.Stop)})
	case x.Verdict == Late:
		return head + "按目前规划晚 " + Span(-*x.Margin) + "（来不及）。"
	case *x.Margin == 0:
		return head + "按目前规划正好赶上，没有余量（时间很紧）。"
	case x.Verdict == Tight:
		return head + "按目前规划只有 " + Span(*x.Margin) + "余量（时间很紧）。"
	}
	return head + "按目前规划还有 " + Span(*x.Margin) + "余量（来得及）。"
}

// PathSentence says which single change of the plan makes a late exam in
// time: "如果取得技能三级证书，预计 2031 年 6 月达到 120 分，可以赶上。"; "" when
// none does or the exam is not late.
func (x ExamCheck) PathSentence(d Date) string {
	if x.Path == nil {
		return ""
	}
	r := reader{d: d}
	return r.fs("如果{a}，预计 {b}达到 {standard} 分，可以赶上。", []string{x.Path.Change, x.Path.ReachDate.MonthChinese()})
}

// ExamNote is what the timeline assumes, said once where the verdicts are
// shown, with the low confidence in words.
func ExamNote(d Date) string {
	r := reader{d: d}
	t := readExams(&r)
	return r.fs("按 {0} 月 {1} 日前满 {children.school_age} 周岁当年 {children.school_month} 月入学、小学 {children.primary_years} 年初中 {children.junior_years} 年、中考后 {children.senior_years} 年高考估算；"+
		"报名按考试前一年 {children.registration_month} 月计，从达到 {standard} 分到拿到积分通知书约 {children.processing_months} 个月。"+
		"孩子须在上海读完初中才能参加中考，高考还须在上海参加中考并读完高中；积分须一直有效（每年签注时确认）。"+
		"没有 {standard} 分时，孩子仍可在上海参加中考，但只能报考中等职业学校。{a}。", []string{examDispute}, t.cutoff, daysIn(2001, time.Month(t.cutoff)))
}

// childrenHelp is the help of the children key.
func childrenHelp(r *reader) string {
	return r.f("用于规划：按孩子的出生年月估算中考、高考报名时间，看到时是否已有 {standard} 分（不影响积分）。最多 4 个 {children.max_age} 周岁及以下的孩子。")
}

// checkChildren returns the problems of the children's months on as_of:
// more than a year ahead, or older than children.max_age.
func checkChildren(p *Profile) Problems {
	var probs Problems
	r := reader{d: p.AsOf}
	maxAge := r.n(&childMaxAge)
	asOf := MonthOf(p.AsOf)
	for _, b := range p.ChildBirths() {
		m := MonthOf(b)
		switch {
		case m.index() > asOf.index()+12:
			probs = append(probs, Problem{Key: "children", Value: m.String(),
				Zh: r.fs("孩子的出生年月 {a}晚于计算日期一年以上，请检查", []string{m.Chinese()}),
				En: "children: " + m.String() + " is more than a year after as_of"})
		case b.YearsTo(p.AsOf) > maxAge:
			probs = append(probs, Problem{Key: "children", Value: m.String(),
				Zh: r.fs("孩子的出生年月 {a}：计算日期时已超过 {0} 周岁，请只填 {0} 周岁及以下的孩子", []string{m.Chinese()}, maxAge),
				En: "children: " + m.String() + " is older than " + strconv.Itoa(maxAge) + " at as_of"})
		}
	}
	return probs
}

// Words is the verdict in two or three words: 来得及, 时间很紧,
// 来不及, 报名已过.
func (v Verdict) Words() string {
	switch v {
	case InTime:
		return "来得及"
	case Tight:
		return "时间很紧"
	case Late:
		return "来不及"
	}
	return "报名已过"
}

// Short is the verdict of the exam in one short line, for the result
// page and a table: "中考（2033 年 6 月）：来得及，余量 20 个月".
func (x ExamCheck) Short() string {
	var r reader
	s := r.fs("{a}（{b}）：{c}", []string{x.Name, x.Month.Chinese(), x.Verdict.Words()})
	switch {
	case x.Verdict == Passed || x.Margin == nil:
	case *x.Margin >= 0 && x.Verdict != Late:
		s += "，余量 " + Span(*x.Margin)
	case *x.Margin < 0:
		s += "，晚 " + Span(-*x.Margin)
	}
	return s
}

// Name is how the pages call a child: "2018 年 3 月出生的孩子".
func (c ChildPlan) Name() string { return c.Birth.Chinese() + "出生的孩子" }
