package score

import (
	"errors"
	"sync/atomic"
)

// Item is the score of one indicator.
type Item struct {
	ID         ID         `json:"id"`
	Points     int        `json:"points"`
	Name       string     `json:"name"`
	Why        string     `json:"why"`
	Confidence Confidence `json:"confidence"`
	// Dispute is one line saying what the sources disagree on, for items
	// below high confidence (shown beside the item's badge).
	Dispute string `json:"dispute,omitempty"`
	// Group is basic, bonus, deduction or veto.
	Group string `json:"group"`
	// Max is the most the indicator can score on the date (its cap, or
	// its highest level), for drawing its bar; 0 when it has no cap.
	Max int `json:"max,omitempty"`
}

// Item groups, in the regulation's order.
const (
	GroupBasic     = "basic"
	GroupBonus     = "bonus"
	GroupDeduction = "deduction"
	GroupVeto      = "veto"
)

// Result is the evaluation of one profile, as in profile.md.
type Result struct {
	Total         int  `json:"total"`
	Standard      int  `json:"standard"`
	MeetsStandard bool `json:"meets_standard"`
	Gap           int  `json:"gap"`
	Vetoed        bool `json:"vetoed"`
	// Retired: past the statutory retirement date of the person's
	// retire_group, when no one can apply any more (rules.md "Who can
	// apply"); the points are still computed.
	Retired   bool     `json:"retired,omitempty"`
	Items     []Item   `json:"items"`
	Warnings  []string `json:"warnings"`
	RulesAsOf string   `json:"rules_as_of"`
	AsOf      Date     `json:"as_of"`
	// Age is the age in full years used, or -1 when neither birth nor
	// age was given.
	Age int `json:"age"`
	// Tier is the base tier used (TierNone when none), and TierEstimated
	// whether it was estimated from base_monthly.
	Tier          Tier `json:"base_tier"`
	TierEstimated bool `json:"base_tier_estimated"`
}

// Item returns the item with the id, and whether there is one.
func (r Result) Item(id ID) (Item, bool) {
	for _, it := range r.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// module is the code of one indicator of the regulation, or of a few
// that share their values (education and title; the deductions): the
// indicators it scores, its values, how it scores, its rules-page rows and
// the help of the profile keys it reads. Each lives in its own file and
// registers itself; seq puts them in the regulation's order.
type module struct {
	seq    int
	group  string
	items  []*Indicator // the indicators it scores
	keys   []string     // the profile keys whose help it writes
	params []*param     // every value it reads
	score  func(e *eval)
	rules  func(w *ruleWriter)
	help   func(key string, r *reader) string
}

// modules are the registered modules, in seq order.
var modules []*module

func register(m *module) {
	registerParams(m.params...)
	i := len(modules)
	modules = append(modules, m)
	for i > 0 && modules[i-1].seq > m.seq {
		modules[i] = modules[i-1]
		i--
	}
	modules[i] = m
	registerIndicators()
}

// eval scores one profile at one date: the person's state at that date
// (Plan moves it forward in time) and the running total; with res set it
// also records every item and warning.
type eval struct {
	reader
	p *Profile

	age                            int // -1 when unknown
	years, spouse, keyArea, public int
	edu                            Education
	title                          Title
	titleOK                        Tri
	tier                           Tier
	tierEst                        bool

	total  int
	vetoed bool
	res    *Result
	// max is the cap of the item about to be recorded (see Item.Max).
	max int
}

// init sets the state of p at d as given (years as of p.AsOf).
func (e *eval) init(p *Profile, d Date, res *Result) {
	*e = eval{reader: reader{d: d, track: res != nil}, p: p, res: res}
	e.age = ageAt(p, d)
	e.years, e.spouse, e.keyArea, e.public = p.InsuranceYears, p.SpouseYears, p.KeyAreaYears, p.PublicServiceYears
	e.edu, e.title, e.titleOK = p.Education, p.Title, p.TitleBaseOK
	e.tier, e.tierEst = p.BaseTier, false
	if e.tier == TierUnset {
		e.tier = TierNone
		if p.BaseMonthlyFen > 0 {
			// the wage in force at as_of: the tier stays as it is
			e.tier, e.tierEst = tierOfMonthly(&e.reader, p.BaseMonthlyFen, p.AsOf), true
		}
	}
	e.take() // what init read belongs to no item
}

// run scores every indicator.
func (e *eval) run() int {
	for _, m := range modules {
		m.score(e)
	}
	return e.total
}

// item records the item of an indicator with the confidence and dispute
// of the values read since the last item.
func (e *eval) item(ind *Indicator, pts int, why string) {
	c, d := e.take()
	e.itemConf(ind, pts, why, c, d)
}

// itemIf records the item of an indicator whose only disputed values are
// its dispute: shown only where it can change the person's points
// (matters), high otherwise.
func (e *eval) itemIf(ind *Indicator, pts int, why string, matters bool) {
	c, d := e.take()
	if !matters {
		c, d = High, ""
	}
	e.itemConf(ind, pts, why, c, d)
}

func (e *eval) itemConf(ind *Indicator, pts int, why string, c Confidence, d string) {
	e.res.Items = append(e.res.Items, Item{ID: ind.ID, Points: pts, Name: ind.Name, Why: why, Confidence: c, Dispute: d, Group: ind.Group, Max: e.max})
	e.max = 0
}

func (e *eval) warn(s string) { e.res.Warnings = append(e.res.Warnings, s) }

// Evaluate scores a profile at p.AsOf (today when zero) with the values
// in force on that date. Its error is always Problems (see AsProblems):
// the profile cannot be scored (a birth date after the evaluation date,
// an age out of range).
func Evaluate(p Profile) (Result, error) {
	if p.AsOf.IsZero() {
		p.AsOf = Today()
	}
	if probs := Check(p); len(probs) > 0 {
		return Result{}, probs
	}
	// one allocation for what the scoring points at: the profile, the
	// result and the evaluation, with room for the usual items
	w := new(struct {
		p        Profile
		r        Result
		e        eval
		items    [8]Item
		warnings [6]string
		text     [1024]byte
	})
	w.p = p
	w.r = Result{AsOf: p.AsOf, Items: w.items[:0], Warnings: w.warnings[:0]}
	r, e := &w.r, &w.e
	e.init(&w.p, p.AsOf, r)
	e.text = w.text[:0]
	e.run()
	r.Age, r.Tier, r.TierEstimated, r.Vetoed = e.age, e.tier, e.tierEst, e.vetoed
	r.Total = e.total
	r.Standard = e.n(&standardPts)
	e.take()
	r.MeetsStandard = r.Total >= r.Standard && !r.Vetoed
	r.Gap = max(r.Standard-r.Total, 0)
	r.RulesAsOf = rulesAsOf(p.AsOf)
	if rw := retiredWarning(&p); rw != "" {
		r.Retired = true
		r.Warnings = append(r.Warnings, rw)
	}
	r.Warnings = append(r.Warnings, e.outsideWarnings()...)
	return *r, nil
}

// total is the total of p at d, with the state moved by g (nil: as given).
func total(p *Profile, d Date, g *growth) int {
	var e eval
	e.init(p, d, nil)
	g.apply(&e, p, d)
	return e.run()
}

// MustEvaluate is Evaluate for profiles known to be valid (tests,
// examples); it panics on a problem.
func MustEvaluate(p Profile) Result {
	r, err := Evaluate(p)
	if err != nil {
		panic(err)
	}
	return r
}

// AsProblems returns the problems in err, when it is (or wraps) Problems.
// Every error of Evaluate, Plan and PlanFrom is.
func AsProblems(err error) (Problems, bool) {
	var ps Problems
	if errors.As(err, &ps) {
		return ps, true
	}
	return nil, false
}

// Check returns the problems that involve more than one key; p.AsOf must
// be set. ParseJSON and ParseQuery check each key alone.
func Check(p Profile) Problems {
	var probs Problems
	if p.AsOf.Year < 2000 || p.AsOf.Year > 2100 {
		probs = append(probs, Problem{Key: "as_of", Zh: "计算日期须在 2000 年到 2100 年之间", En: "as_of: must be between 2000 and 2100"})
	}
	probs = append(probs, checkChildren(&p)...)
	if !p.Birth.IsZero() {
		switch age := p.Birth.YearsTo(p.AsOf); {
		case p.Birth.After(p.AsOf):
			probs = append(probs, Problem{Key: "birth", Zh: "出生年月晚于计算日期（" + p.AsOf.Chinese() + "），请检查", En: "birth: after as_of " + p.AsOf.String()})
		case age < minAge || age > maxAge:
			var r reader
			probs = append(probs, Problem{Key: "birth", Zh: r.f("按出生年月算，计算日期时为 {0} 周岁；请填 {1} 到 {2} 周岁之间的出生年月", age, minAge, maxAge),
				En: r.f("birth: gives age {0} at as_of, want {1} to {2}", age, minAge, maxAge)})
		}
	}
	return probs
}

// The ages a profile may have (the range of the age key).
const minAge, maxAge = 16, 80

// ageAt is the age in full years at d, or -1 when unknown. With only age
// given, it grows on each anniversary of as_of.
func ageAt(p *Profile, d Date) int {
	switch {
	case !p.Birth.IsZero():
		return p.Birth.YearsTo(d)
	case p.Age > 0:
		return p.Age + p.AsOf.YearsTo(d)
	}
	return -1
}

// rulesAsOf says which rules and wage figure a result used. The text of
// the last wage figure asked for is kept: most results use the same.
func rulesAsOf(d Date) string {
	w := WageAt(d)
	if c := lastRulesAsOf.Load(); c != nil && c.yuan == w.Yuan && c.from == w.From {
		return c.text
	}
	var r reader
	s := r.fs("积分办法：{a}，有效期 {b}；上年度平均工资 {0:Y} 元（{c}起使用）；规则核对于 {d}",
		[]string{SrcPointsRules, regPeriodText(), w.From.MonthChinese(), RulesCheckedOn.Chinese()}, int(w.Yuan))
	lastRulesAsOf.Store(&rulesAsOfText{w.Yuan, w.From, s})
	return s
}

type rulesAsOfText struct {
	yuan int64
	from Date
	text string
}

var lastRulesAsOf atomic.Pointer[rulesAsOfText]
