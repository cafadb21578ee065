package score

// 加分指标: 投资纳税或带动本市户籍人员就业. Last 3 consecutive years investing
// in a Shanghai company, on the personal share: average yearly tax ≥100,000
// yuan → 10 points per full 100,000; or average ≥10 Shanghai-hukou hires a
// year → 10 per full 10 hires; the higher of the two; cap 120 (medium:
// 100 in the 2013 trial text) (rules.md "Bonus indicators", investment).

// IDInvestment is the indicator's ID.
const IDInvestment ID = "investment"

var (
	investYears   = param{"investment.years", []value{{&rulesPeriod, 3, High, ""}}}
	investTaxStep = param{"investment.tax_step_yuan", []value{{&rulesPeriod, 100000, High, ""}}}
	investHires   = param{"investment.hires_step", []value{{&rulesPeriod, 10, High, ""}}}
	investPerStep = param{"investment.points_per_step", []value{{&rulesPeriod, 10, High, ""}}}
	investCap     = param{"investment.cap", []value{{&rulesPeriod, 120, Medium, "上限：2013 年试行办法为 100 分，较新来源为 120 分"}}}
	// investCapTrial is the cap of the 2013 trial text, which the dispute
	// names: the dispute can change the points only above it.
	investCapTrial = param{"investment.cap_trial", []value{{&rulesPeriod, 100, Medium, "上限：2013 年试行办法为 100 分，较新来源为 120 分"}}}
)

var investmentItem = Indicator{ID: IDInvestment, Name: "投资纳税或带动就业", Key: "invest_tax_avg",
	claimed: func(p *Profile) bool { return p.InvestTaxAvgFen > 0 || p.InvestHiresAvg > 0 }}

var investmentInd = module{seq: 130, group: GroupBonus, items: []*Indicator{&investmentItem}, keys: []string{"invest_tax_avg", "invest_hires_avg"},
	params: []*param{&investYears, &investTaxStep, &investHires, &investPerStep, &investCap, &investCapTrial},
	score:  scoreInvestment, rules: investmentRules, help: investmentHelp}

func init() { register(&investmentInd) }

func scoreInvestment(e *eval) {
	p := e.p
	if p.InvestTaxAvgFen <= 0 && p.InvestHiresAvg <= 0 {
		return
	}
	per, cap := e.n(&investPerStep), e.n(&investCap)
	taxSteps := int(p.InvestTaxAvgFen / (e.n64(&investTaxStep) * 100))
	hireSteps := p.InvestHiresAvg / e.n(&investHires)
	raw := max(taxSteps, hireSteps) * per
	pts := min(raw, cap)
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	why := e.fs("{a}：纳税 {0} 分，聘用 {1} 分，取较高者 {2} 分", []string{investRuleText(&e.reader)}, taxSteps*per, hireSteps*per, pts)
	if raw > cap {
		why += e.f("（已达上限 {0} 分）", cap)
	}
	e.max = cap
	e.itemIf(&investmentItem, pts, why, raw > e.n(&investCapTrial))
}

// investRuleText is "近 3 年个人出资部分年均纳税每满 100,000 元或年均聘用本市
// 户籍人员每满 10 人计 10 分".
func investRuleText(r *reader) string {
	return r.f("近 {investment.years} 年个人出资部分年均纳税每满 {investment.tax_step_yuan:Y} 元或年均聘用本市户籍人员每满 {investment.hires_step} 人计 {investment.points_per_step} 分")
}

func investmentRules(w *ruleWriter) {
	w.row(&investmentItem, investRuleText(&w.reader)+w.f("；取较高者，上限 {investment.cap} 分"),
		w.f("连续 {investment.years} 年在本市投资，按个人出资部分计"))
}

func investmentHelp(key string, r *reader) string {
	if key == "invest_hires_avg" {
		return r.f("近 {investment.years} 年年均聘用本市户籍人员每满 {investment.hires_step} 人 {investment.points_per_step} 分；与纳税取较高者。")
	}
	return r.f("近 {investment.years} 年个人出资部分年均纳税每满 {investment.tax_step_yuan:Y} 元 {investment.points_per_step} 分，最多 {investment.cap} 分。")
}
