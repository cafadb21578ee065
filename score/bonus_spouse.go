package score

// 加分指标: 配偶为本市户籍人员. 4 points per full year of marriage, cap 40
// (rules.md "Bonus indicators", spouse; high).

// IDSpouse is the indicator's ID.
const IDSpouse ID = "spouse"

var (
	spousePerYear = param{"spouse.per_year", []value{{&rulesPeriod, 4, High, ""}}}
	spouseCap     = param{"spouse.cap", []value{{&rulesPeriod, 40, High, ""}}}
)

var spouseItem = Indicator{ID: IDSpouse, Name: "配偶为上海户籍", Key: "spouse_years", claimed: func(p *Profile) bool { return p.SpouseYears > 0 }}

var spouseInd = module{seq: 180, group: GroupBonus, items: []*Indicator{&spouseItem}, keys: []string{"spouse_years"},
	params: []*param{&spousePerYear, &spouseCap}, score: scoreSpouse, rules: spouseRules, help: spouseHelp}

func init() { register(&spouseInd) }

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
	tmpl := "婚龄每满 1 年 {0} 分 × {1} 年，计 {3} 分"
	if per*e.spouse > cap {
		tmpl = "婚龄每满 1 年 {0} 分 × {1} 年，上限 {2} 分，计 {3} 分"
	}
	e.max = cap
	e.item(&spouseItem, pts, e.f(tmpl, per, e.spouse, cap, pts))
}

func spouseText(r *reader) string {
	return r.f("婚龄每满 1 年 {spouse.per_year} 分，最多 {spouse.cap} 分")
}

func spouseRules(w *ruleWriter) {
	w.row(&spouseItem, spouseText(&w.reader), "配偶为本市户籍人员")
}

func spouseHelp(_ string, r *reader) string {
	return "配偶为上海户籍，" + spouseText(r) + "。"
}

// SpouseHint is the spouse question's hint on d: "配偶为上海户籍，婚龄每满
// 1 年 4 分，最多 40 分。"
func SpouseHint(d Date) string { r := reader{d: d}; return spouseHelp("", &r) }
