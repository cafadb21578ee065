package score

// 一票否决 (vetoes), rules.md "Deductions and vetoes": a serious criminal
// record (high): cannot apply at all. A breach of family-planning rules: a
// veto in the 2017 text, still listed by 2024-2026 consultancy pages; but
// the 2021 central decision on optimising the birth policy ordered that
// household registration, schooling and employment be fully decoupled from
// a person's births (low): not applied, both facts said once where the
// person answers the question.

// seriousCrimeVeto is 1 while a serious criminal record is a veto.

// The IDs of the indicators of this file.
const (
	IDSeriousCrime   ID = "serious_crime"
	IDFamilyPlanning ID = "family_planning"
)

var seriousCrimeVeto = param{"serious_crime.veto", []value{{&rulesPeriod, 1, High, ""}}}

// familyPlanningVeto is 1 when a breach is applied as a veto.
var familyPlanningVeto = param{"family_planning.veto", []value{{&birthPeriod, 0, Low, "是否仍为一票否决，各来源说法不一"}}}

var (
	seriousCrimeItem   = Indicator{ID: IDSeriousCrime, Name: "严重刑事犯罪", Key: "serious_crime", claimed: func(p *Profile) bool { return p.SeriousCrime }}
	familyPlanningItem = Indicator{ID: IDFamilyPlanning, Name: "违反计划生育政策", Key: "family_planning_breach", claimed: func(p *Profile) bool { return p.FamilyPlanningBreach }}
)

var (
	seriousCrimeInd = module{seq: 400, group: GroupVeto, items: []*Indicator{&seriousCrimeItem}, keys: []string{"serious_crime"}, params: []*param{&seriousCrimeVeto}, score: scoreSeriousCrime,
		rules: seriousCrimeRules, help: seriousCrimeHelp}
	familyPlanningInd = module{seq: 410, group: GroupVeto, items: []*Indicator{&familyPlanningItem}, keys: []string{"family_planning_breach"}, params: []*param{&familyPlanningVeto},
		score: scoreFamilyPlanning, rules: familyPlanningRules, help: familyPlanningHelp}
)

func init() {
	register(&seriousCrimeInd)
	register(&familyPlanningInd)
}

// seriousCrimeText is "有严重刑事犯罪记录的，不能申请积分".
func seriousCrimeText(r *reader) string {
	if r.n(&seriousCrimeVeto) == 1 {
		return "有严重刑事犯罪记录的，不能申请积分"
	}
	return "有严重刑事犯罪记录的，本计算器不按一票否决计算"
}

func seriousCrimeRules(w *ruleWriter) {
	w.row(&seriousCrimeItem, "一票否决", seriousCrimeText(&w.reader))
}

func seriousCrimeHelp(_ string, r *reader) string { return seriousCrimeText(r) + "。" }

func familyPlanningRules(w *ruleWriter) {
	w.row(&familyPlanningItem, familyPlanningApplied(&w.reader), familyPlanningFacts)
}

func familyPlanningHelp(_ string, r *reader) string {
	return r.fs(familyPlanningFacts+"{a}。", []string{familyPlanningApplied(r)})
}

// familyPlanningFacts are the two facts of rules.md, said once.
const familyPlanningFacts = "2017 年的积分办法把违反计划生育政策列为一票否决，近年的咨询网页仍这样列出；但 2021 年中共中央、国务院关于优化生育政策的决定要求户籍、入学、就业与个人生育情况全面脱钩。"

func familyPlanningApplied(r *reader) string {
	if r.n(&familyPlanningVeto) == 1 {
		return "本计算器按一票否决计算"
	}
	return "本计算器不按一票否决计算"
}

func scoreSeriousCrime(e *eval) {
	if !e.p.SeriousCrime {
		return
	}
	veto := e.n(&seriousCrimeVeto) == 1
	e.vetoed = e.vetoed || veto
	if e.res == nil {
		e.take()
		return
	}
	why := "有严重刑事犯罪记录，一票否决，不能申请积分"
	if !veto {
		why = "有严重刑事犯罪记录，本计算器不按一票否决计算，0 分"
	}
	e.item(&seriousCrimeItem, 0, why)
}

func scoreFamilyPlanning(e *eval) {
	if !e.p.FamilyPlanningBreach {
		return
	}
	if e.n(&familyPlanningVeto) == 1 {
		e.vetoed = true
	}
	if e.res == nil {
		e.take()
		return
	}
	e.item(&familyPlanningItem, 0, familyPlanningApplied(&e.reader)+"，0 分")
}
