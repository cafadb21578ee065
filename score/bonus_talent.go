package score

// 加分指标: 创业人才 (startup talent: holds ≥5% of a Shanghai company
// incubated ≥6 months in a registered tech incubator → 120) and
// 创新创业中介服务人才 (≥6 months of continuous work at a registered Shanghai
// tech-transfer agency → 120) (rules.md "Bonus indicators",
// startup_talent and tech_transfer; medium).
const talentDispute = "分值和条件只见于二手资料，未见原文"

// The IDs of the indicators of this file.
const (
	IDStartupTalent ID = "startup_talent"
	IDTechTransfer  ID = "tech_transfer"
)

var (
	startupPts    = param{"startup_talent.points", []value{{&rulesPeriod, 120, Medium, talentDispute}}}
	startupShare  = param{"startup_talent.share_pct", []value{{&rulesPeriod, 5, Medium, talentDispute}}}
	startupMonths = param{"startup_talent.months", []value{{&rulesPeriod, 6, Medium, talentDispute}}}
	transferPts   = param{"tech_transfer.points", []value{{&rulesPeriod, 120, Medium, talentDispute}}}
	transferMonth = param{"tech_transfer.months", []value{{&rulesPeriod, 6, Medium, talentDispute}}}
)

var (
	startupItem  = Indicator{ID: IDStartupTalent, Name: "创业人才", Key: "startup_talent", claimed: func(p *Profile) bool { return p.StartupTalent }}
	transferItem = Indicator{ID: IDTechTransfer, Name: "创新创业中介服务人才", Key: "tech_transfer_talent", claimed: func(p *Profile) bool { return p.TechTransferTalent }}
)

var (
	startupInd = module{seq: 190, group: GroupBonus, items: []*Indicator{&startupItem}, keys: []string{"startup_talent"},
		params: []*param{&startupPts, &startupShare, &startupMonths}, score: scoreStartup, rules: startupRules, help: startupHelp}
	transferInd = module{seq: 200, group: GroupBonus, items: []*Indicator{&transferItem}, keys: []string{"tech_transfer_talent"},
		params: []*param{&transferPts, &transferMonth}, score: scoreTransfer, rules: transferRules, help: transferHelp}
)

func init() {
	register(&startupInd)
	register(&transferInd)
}

func startupRules(w *ruleWriter) {
	w.row(&startupItem, w.f("{startup_talent.points} 分"), startupCond(&w.reader))
}

func startupHelp(_ string, r *reader) string {
	return r.fs("{a}，{startup_talent.points} 分。", []string{startupCond(r)})
}

func transferRules(w *ruleWriter) {
	w.row(&transferItem, w.f("{tech_transfer.points} 分"), transferCond(&w.reader))
}

func transferHelp(_ string, r *reader) string {
	return r.fs("{a}，{tech_transfer.points} 分。", []string{transferCond(r)})
}

func startupCond(r *reader) string {
	return r.f("在本市科技企业孵化器孵化满 {startup_talent.months} 个月的企业中持股 {startup_talent.share_pct}% 及以上")
}

func transferCond(r *reader) string {
	return r.f("在本市登记的技术转移服务机构连续工作满 {tech_transfer.months} 个月")
}

func scoreStartup(e *eval) {
	if !e.p.StartupTalent {
		return
	}
	pts := e.n(&startupPts)
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	e.max = pts
	e.item(&startupItem, pts, e.fs("{a}，{0} 分", []string{startupCond(&e.reader)}, pts))
}

func scoreTransfer(e *eval) {
	if !e.p.TechTransferTalent {
		return
	}
	pts := e.n(&transferPts)
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	e.max = pts
	e.item(&transferItem, pts, e.fs("{a}，{0} 分", []string{transferCond(&e.reader)}, pts))
}
