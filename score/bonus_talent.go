package score

// 加分指标: 创业人才 (startup talent: holds ≥5% of a Shanghai company
// incubated ≥6 months in a registered tech incubator → 120) and
// 创新创业中介服务人才 (≥6 months of continuous work at a registered Shanghai
// tech-transfer agency → 120) (rules.md "Bonus indicators",
// startup_talent and tech_transfer; medium).
const talentDispute = "分值和条件只见于二手资料，未见原文"

var (
	startupPts    = param{"startup_talent.points", []value{{&rulesPeriod, 120, Medium, talentDispute}}}
	startupShare  = param{"startup_talent.share_pct", []value{{&rulesPeriod, 5, Medium, talentDispute}}}
	startupMonths = param{"startup_talent.months", []value{{&rulesPeriod, 6, Medium, talentDispute}}}
	transferPts   = param{"tech_transfer.points", []value{{&rulesPeriod, 120, Medium, talentDispute}}}
	transferMonth = param{"tech_transfer.months", []value{{&rulesPeriod, 6, Medium, talentDispute}}}
)

func init() {
	register(&indicator{seq: 190, group: GroupBonus, keys: []string{"startup_talent"},
		params: []*param{&startupPts, &startupShare, &startupMonths}, score: scoreStartup,
		rules: func(w *ruleWriter) {
			w.row("startup_talent", "创业人才", itoa(w.n(&startupPts))+" 分", startupCond(&w.reader))
		},
		help: func(_ string, r *reader) string { return startupCond(r) + "，" + itoa(r.n(&startupPts)) + " 分。" }})
	register(&indicator{seq: 200, group: GroupBonus, keys: []string{"tech_transfer_talent"},
		params: []*param{&transferPts, &transferMonth}, score: scoreTransfer,
		rules: func(w *ruleWriter) {
			w.row("tech_transfer", "创新创业中介服务人才", itoa(w.n(&transferPts))+" 分", transferCond(&w.reader))
		},
		help: func(_ string, r *reader) string { return transferCond(r) + "，" + itoa(r.n(&transferPts)) + " 分。" }})
}

func startupCond(r *reader) string {
	return "在本市科技企业孵化器孵化满 " + itoa(r.n(&startupMonths)) + " 个月的企业中持股 " + itoa(r.n(&startupShare)) + "% 及以上"
}

func transferCond(r *reader) string {
	return "在本市登记的技术转移服务机构连续工作满 " + itoa(r.n(&transferMonth)) + " 个月"
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
	e.item("startup_talent", "创业人才", GroupBonus, pts, startupCond(&e.reader)+"，"+itoa(pts)+" 分")
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
	e.item("tech_transfer", "创新创业中介服务人才", GroupBonus, pts, transferCond(&e.reader)+"，"+itoa(pts)+" 分")
}
