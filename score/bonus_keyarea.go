package score

// 加分指标: 远郊重点区域 (work and live there). 2 points per full year, cap
// 20 (high), counted only once 5 years are reached; Lingang: once 3 years
// are reached (medium), with 36 months of continuous, not back-paid
// insurance in 新片区 and a 推荐函. A change to "from the first year"
// (2024-08-21) has been reported but no source confirms it: compute with
// 3 years and say so (rules.md "Bonus indicators", key_area).

// Key-area values of the profile.
const (
	KeyAreaLingang = "lingang"
	KeyAreaOther   = "other"
)

// IDKeyArea is the indicator's ID.
const IDKeyArea ID = "key_area"

var (
	keyAreaPerYear   = param{"key_area.per_year", []value{{&rulesPeriod, 2, High, ""}}}
	keyAreaCap       = param{"key_area.cap", []value{{&rulesPeriod, 20, High, ""}}}
	keyAreaMinYears  = param{"key_area.min_years", []value{{&rulesPeriod, 5, High, ""}}}
	lingangMinYears  = param{"key_area.lingang.min_years", []value{{&lingangPeriod, 3, Medium, "有报道称 2024 年 8 月 21 日起临港第一年即计入，未见来源证实"}}}
	lingangInsMonths = param{"key_area.lingang.insurance_months", []value{{&lingangPeriod, 36, Medium, "有报道称 2024 年 8 月 21 日起临港第一年即计入，未见来源证实"}}}
)

var keyAreaItem = Indicator{ID: IDKeyArea, Name: "重点区域", Key: "key_area_years", claimed: func(p *Profile) bool { return p.KeyAreaYears > 0 }}

var keyAreaInd = module{seq: 150, group: GroupBonus, items: []*Indicator{&keyAreaItem}, keys: []string{"key_area", "key_area_years"},
	params: []*param{&keyAreaPerYear, &keyAreaCap, &keyAreaMinYears, &lingangMinYears, &lingangInsMonths},
	score:  scoreKeyArea, rules: keyAreaRules, help: keyAreaHelp}

func init() { register(&keyAreaInd) }

func scoreKeyArea(e *eval) {
	if e.keyArea <= 0 {
		return
	}
	lingang := e.p.KeyArea == KeyAreaLingang
	per, cap := e.n(&keyAreaPerYear), e.n(&keyAreaCap)
	need := 0
	if lingang {
		need = e.n(&lingangMinYears)
	} else {
		need = e.n(&keyAreaMinYears)
	}
	pts := counted(per, e.keyArea, need, cap)
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	name := "其他远郊重点区域"
	if lingang {
		name = "临港新片区"
		e.n(&lingangInsMonths) // its condition applies
	}
	tmpl := "{a}每满 1 年 {0} 分 × {1} 年，上限 {2} 分，计 {3} 分"
	if pts == 0 {
		tmpl = "{a}每满 1 年 {0} 分 × {1} 年，上限 {2} 分；满 {4} 年后才计入总分，目前计 0 分"
	}
	e.max = cap
	// the reported first-year rule would change the points only before
	// Lingang's years are reached
	e.itemIf(&keyAreaItem, pts, e.fs(tmpl, []string{name}, per, e.keyArea, cap, pts, need), lingang && e.keyArea < need)
	if e.p.KeyArea == "" {
		e.warn(e.f("未选择重点区域类型，按“其他远郊重点区域”（满 {0} 年计入）计算；若在临港新片区，请选择临港。", need))
	}
}

func lingangText(r *reader) string {
	return r.f("满 {key_area.lingang.min_years} 年后计入，另须在新片区连续缴纳社保 {key_area.lingang.insurance_months} 个月（非补缴）并取得临港管委会推荐函")
}

func keyAreaRules(w *ruleWriter) {
	w.row(&keyAreaItem, w.f("每满 1 年 {key_area.per_year} 分，上限 {key_area.cap} 分；满 {key_area.min_years} 年后计入总分"),
		"在远郊重点区域工作并居住；分值从第一年起累计，达到年限后一并计入")
	w.rowAs("key_area_lingang", "临港新片区", lingangText(&w.reader), "分值同上")
}

func keyAreaHelp(key string, r *reader) string {
	if key == "key_area_years" {
		return r.fs("每满 1 年 {key_area.per_year} 分，最多 {key_area.cap} 分；满 {key_area.min_years} 年后计入总分（临港新片区{a}）。", []string{lingangText(r)})
	}
	return r.fs("在远郊重点区域工作并居住：其他远郊重点区域满 {key_area.min_years} 年后计入；临港新片区{a}。", []string{lingangText(r)})
}
