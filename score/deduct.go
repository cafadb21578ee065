package score

// 减分指标 (deductions), each time, adding up (rules.md "Deductions and
// vetoes"; high): false documents in a points application within the last
// 3 years −150; administrative detention within the last 5 years −50; an
// ordinary criminal record within the last 5 years −150.
var (
	falseMaterialPts   = param{"false_material.points", []value{{&rulesPeriod, -150, High, ""}}}
	falseMaterialYears = param{"false_material.years", []value{{&rulesPeriod, 3, High, ""}}}
	detentionPts       = param{"detention.points", []value{{&rulesPeriod, -50, High, ""}}}
	detentionYears     = param{"detention.years", []value{{&rulesPeriod, 5, High, ""}}}
	criminalPts        = param{"criminal.points", []value{{&rulesPeriod, -150, High, ""}}}
	criminalYears      = param{"criminal.years", []value{{&rulesPeriod, 5, High, ""}}}
)

// deduction is one deduction indicator.
type deduction struct {
	id, key, name, what string
	pts, years          *param
	count               func(p *Profile) int
}

func init() {
	for i, d := range []*deduction{
		{"false_material", "false_material", "提供虚假材料", "积分申请中提供虚假材料", &falseMaterialPts, &falseMaterialYears, func(p *Profile) int { return p.FalseMaterial }},
		{"detention", "detention", "行政拘留", "受行政拘留", &detentionPts, &detentionYears, func(p *Profile) int { return p.Detention }},
		{"criminal", "criminal", "一般刑事犯罪", "有一般刑事犯罪记录", &criminalPts, &criminalYears, func(p *Profile) int { return p.Criminal }},
	} {
		d := d
		register(&indicator{seq: 300 + i, group: GroupDeduction, keys: []string{d.key}, params: []*param{d.pts, d.years},
			score: d.score,
			rules: func(w *ruleWriter) {
				w.row(d.id, d.name, "每次 "+signed(w.n(d.pts))+" 分，累计", d.when(&w.reader))
			},
			help: func(_ string, r *reader) string {
				return d.when(r) + "，每次 " + signed(r.n(d.pts)) + " 分。"
			}})
	}
}

// when is "近 3 年积分申请中提供虚假材料".
func (d *deduction) when(r *reader) string { return "近 " + itoa(r.n(d.years)) + " 年" + d.what }

func (d *deduction) score(e *eval) {
	n := d.count(e.p)
	if n <= 0 {
		return
	}
	each := e.n(d.pts)
	e.total += n * each
	if e.res == nil {
		e.take()
		return
	}
	e.item(d.id, d.name, GroupDeduction, n*each, d.when(&e.reader)+" "+itoa(n)+" 次 × "+signed(each)+" 分")
}

// signed writes a negative number with a true minus sign: "−150".
func signed(n int) string {
	if n < 0 {
		return "−" + itoa(-n)
	}
	return itoa(n)
}
