package score

// 加分指标: 配偶为本市户籍人员. 4 points per full year of marriage, cap 40
// (rules.md "Bonus indicators", spouse; high).
var (
	spousePerYear = param{"spouse.per_year", []value{{&rulesPeriod, 4, High, ""}}}
	spouseCap     = param{"spouse.cap", []value{{&rulesPeriod, 40, High, ""}}}
)

func init() {
	register(&indicator{seq: 180, group: GroupBonus, keys: []string{"spouse_years"},
		params: []*param{&spousePerYear, &spouseCap}, score: scoreSpouse, rules: spouseRules, help: spouseHelp})
}

func scoreSpouse(e *eval) {
	if e.spouse <= 0 {
		return
	}
	per, cap := e.n(&spousePerYear), e.n(&spouseCap)
	pts := min(per*e.spouse, cap)
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	why := "婚龄每满 1 年 " + itoa(per) + " 分 × " + itoa(e.spouse) + " 年"
	if per*e.spouse > cap {
		why += "，上限 " + itoa(cap) + " 分"
	}
	e.item("spouse", "配偶为上海户籍", GroupBonus, pts, why+"，计 "+itoa(pts)+" 分")
}

func spouseText(r *reader) string {
	return "婚龄每满 1 年 " + itoa(r.n(&spousePerYear)) + " 分，最多 " + itoa(r.n(&spouseCap)) + " 分"
}

func spouseRules(w *ruleWriter) {
	w.row("spouse", "配偶为上海户籍", spouseText(&w.reader), "配偶为本市户籍人员")
}

func spouseHelp(_ string, r *reader) string {
	return "配偶为上海户籍，" + spouseText(r) + "。"
}

// SpouseHint is the spouse question's hint on d: "配偶为上海户籍，婚龄每满
// 1 年 4 分，最多 40 分。"
func SpouseHint(d Date) string { r := reader{d: d}; return spouseHelp("", &r) }
