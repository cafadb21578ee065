package score

// 减分指标 (deductions), each time, adding up (rules.md "Deductions and
// vetoes"; high): false documents in a points application within the last
// 3 years −150; administrative detention within the last 5 years −50; an
// ordinary criminal record within the last 5 years −150.

// The IDs of the indicators of this file.
const (
	IDFalseMaterial ID = "false_material"
	IDDetention     ID = "detention"
	IDCriminal      ID = "criminal"
)

var (
	falseMaterialPts   = param{"false_material.points", []value{{&rulesPeriod, -150, High, ""}}}
	falseMaterialYears = param{"false_material.years", []value{{&rulesPeriod, 3, High, ""}}}
	detentionPts       = param{"detention.points", []value{{&rulesPeriod, -50, High, ""}}}
	detentionYears     = param{"detention.years", []value{{&rulesPeriod, 5, High, ""}}}
	criminalPts        = param{"criminal.points", []value{{&rulesPeriod, -150, High, ""}}}
	criminalYears      = param{"criminal.years", []value{{&rulesPeriod, 5, High, ""}}}
)

// deduction is one deduction: its indicator (the profile key is its ID),
// what it counts, its values and its count.
type deduction struct {
	ind        Indicator
	what       string
	pts, years *param
	count      func(p *Profile) int
}

var deductions = []deduction{
	{Indicator{ID: IDFalseMaterial, Name: "提供虚假材料", Key: "false_material"}, "积分申请中提供虚假材料", &falseMaterialPts, &falseMaterialYears, func(p *Profile) int { return p.FalseMaterial }},
	{Indicator{ID: IDDetention, Name: "行政拘留", Key: "detention"}, "受行政拘留", &detentionPts, &detentionYears, func(p *Profile) int { return p.Detention }},
	{Indicator{ID: IDCriminal, Name: "一般刑事犯罪", Key: "criminal"}, "有一般刑事犯罪记录", &criminalPts, &criminalYears, func(p *Profile) int { return p.Criminal }},
}

// deductInd scores the deductions, each its own item; a deduction is
// claimed by a count above 0.
var deductInd = module{seq: 300, group: GroupDeduction, items: func() []*Indicator {
	inds := make([]*Indicator, len(deductions))
	for i := range deductions {
		d := &deductions[i]
		d.ind.claimed = func(p *Profile) bool { return d.count(p) > 0 }
		inds[i] = &d.ind
	}
	return inds
}(), keys: []string{"false_material", "detention", "criminal"},
	params: []*param{&falseMaterialPts, &falseMaterialYears, &detentionPts, &detentionYears, &criminalPts, &criminalYears},
	score:  scoreDeductions, rules: deductRules, help: deductHelp}

func init() { register(&deductInd) }

// when is "近 3 年积分申请中提供虚假材料".
func (d *deduction) when(r *reader) string {
	return r.fs("近 {0} 年{a}", []string{d.what}, r.n(d.years))
}

func scoreDeductions(e *eval) {
	for i := range deductions {
		d := &deductions[i]
		n := d.count(e.p)
		if n <= 0 {
			continue
		}
		each := e.n(d.pts)
		e.total += n * each
		if e.res == nil {
			continue
		}
		e.item(&d.ind, n*each, e.fs("{a} {0} 次 × {1} 分", []string{d.when(&e.reader)}, n, each))
	}
	e.take()
}

func deductRules(w *ruleWriter) {
	for i := range deductions {
		d := &deductions[i]
		w.row(&d.ind, w.f("每次 {0} 分，累计", w.n(d.pts)), d.when(&w.reader))
	}
}

func deductHelp(key string, r *reader) string {
	for i := range deductions {
		if d := &deductions[i]; d.ind.Key == key {
			return r.fs("{a}，每次 {0} 分。", []string{d.when(r)}, r.n(d.pts))
		}
	}
	return ""
}
