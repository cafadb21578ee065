package score

// 基础指标: 在本市工作及缴纳职工社会保险年限 (社保年限). 3 points per full
// year (high); no cap (medium); back-paid months do not count; whether a
// gap resets the count is disputed (rules.md "Basic indicators",
// insurance_years).

// IDInsuranceYears is the indicator's ID.
const IDInsuranceYears ID = "insurance_years"

var (
	insPerYear = param{"insurance.per_year", []value{{&rulesPeriod, 3, High, ""}}}
	insCap     = param{"insurance.cap", []value{{&rulesPeriod, 0, Medium, "未见上限规定，按不设上限计算"}}} // 0: no cap
)

var insuranceItem = Indicator{ID: IDInsuranceYears, Name: "社保年限", Key: "insurance_years", claimed: func(p *Profile) bool { return p.InsuranceYears > 0 }}

var insuranceInd = module{seq: 30, group: GroupBasic, items: []*Indicator{&insuranceItem}, keys: []string{"insurance_years"},
	params: []*param{&insPerYear, &insCap}, score: scoreInsurance, rules: insuranceRules, help: insuranceHelp}

func init() { register(&insuranceInd) }

// capped applies a cap where 0 means none.
func capped(pts, cap int) int {
	if cap > 0 {
		return min(pts, cap)
	}
	return pts
}

// counted is the rule of rules.md's note on 满N年后开始计入总积分: per
// points a full year accrue from the first year and enter the total, up to
// cap (0: none), once need years are reached; 0 before.
func counted(per, years, need, cap int) int {
	if years < need {
		return 0
	}
	return capped(per*years, cap)
}

// capText is "，上限 40 分" or "，未见上限" for a cap where 0 means none.
func capText(cap int) string {
	if cap > 0 {
		var r reader
		return r.f("，上限 {0} 分", cap)
	}
	return "，未见上限"
}

func scoreInsurance(e *eval) {
	per, cap := e.n(&insPerYear), e.n(&insCap)
	pts := capped(per*e.years, cap)
	e.total += pts
	if e.res == nil {
		return
	}
	why := e.f("每满 1 年 {0} 分 × {1} 年 = {2} 分", per, e.years, per*e.years)
	if pts != per*e.years {
		why += e.f("，上限 {0} 分", cap)
	}
	// The cap dispute (none found) can change the points only above the
	// smallest cap of a yearly indicator of the regulation (key area,
	// spouse): no cap there is lower.
	lowest := min(e.n(&keyAreaCap), e.n(&spouseCap))
	e.itemIf(&insuranceItem, pts, why, cap > 0 || pts > lowest)
	if e.years > 0 {
		e.warn("社保年限只计本市职工社保、由劳动合同单位缴纳、非补缴的月份；缴纳中断后是否重新计算年限，各来源说法不一。")
	}
}

func insuranceRules(w *ruleWriter) {
	w.row(&insuranceItem, w.f("每满 1 年 {insurance.per_year} 分")+capText(w.n(&insCap)),
		"本市职工社保，由劳动合同单位缴纳；补缴的月份不算；中断后是否重新计算，各来源说法不一")
}

func insuranceHelp(_ string, r *reader) string {
	return r.fs("在上海缴纳职工社保每满 1 年 {insurance.per_year} 分{a}；补缴的月份不算。", []string{capText(r.n(&insCap))})
}
