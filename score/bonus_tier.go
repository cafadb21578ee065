package score

import "time"

// 加分指标: 缴纳职工社会保险费基数 (社保缴费基数 tier). Among the last 48
// months, 36 at ≥0.8× and <1× the previous year's Shanghai average wage →
// 25; ≥1× and <2× → 50; ≥2× and <3× → 100; among the last 36 months, 24
// at 3× → 120; the highest tier reached only (rules.md "Bonus indicators",
// base_tier; high). The wage figures: rules.md "Shanghai average wage".

// Tier is the insurance-base tier reached.
type Tier string

// Tier values of the profile. TierUnset means the key was not given (then
// base_monthly may be used); TierNone means "none" was given.
const (
	TierUnset Tier = ""
	TierNone  Tier = "none"
	Tier08    Tier = "0.8"
	Tier1     Tier = "1"
	Tier2     Tier = "2"
	Tier3     Tier = "3"
)

// Tier values: points, the multiple of the average wage the tier starts
// at (per cent), and the months at the tier needed within a window.

// IDBaseTier is the indicator's ID.
const IDBaseTier ID = "base_tier"

var (
	tier08Pts   = param{"base_tier.0.8", []value{{&rulesPeriod, 25, High, ""}}}
	tier1Pts    = param{"base_tier.1", []value{{&rulesPeriod, 50, High, ""}}}
	tier2Pts    = param{"base_tier.2", []value{{&rulesPeriod, 100, High, ""}}}
	tier3Pts    = param{"base_tier.3", []value{{&rulesPeriod, 120, High, ""}}}
	tier08Mult  = param{"base_tier.0.8.multiple", []value{{&rulesPeriod, 80, High, ""}}}
	tier1Mult   = param{"base_tier.1.multiple", []value{{&rulesPeriod, 100, High, ""}}}
	tier2Mult   = param{"base_tier.2.multiple", []value{{&rulesPeriod, 200, High, ""}}}
	tier3Mult   = param{"base_tier.3.multiple", []value{{&rulesPeriod, 300, High, ""}}}
	tierMonths  = param{"base_tier.months", []value{{&rulesPeriod, 36, High, ""}}}
	tierWindow  = param{"base_tier.window", []value{{&rulesPeriod, 48, High, ""}}}
	tier3Months = param{"base_tier.3.months", []value{{&rulesPeriod, 24, High, ""}}}
	tier3Window = param{"base_tier.3.window", []value{{&rulesPeriod, 36, High, ""}}}
	// wage is the Shanghai average monthly wage (yuan) in use for the
	// months of each period (from July to June); each month's base is
	// compared with the figure in use in that month. When a figure is
	// published, it is one more line here (and one row of the tests'
	// wageBook): README, "When the wage is published".
	wage = param{"wage", []value{
		{&period{Date{2021, 7, 1}, Date{2022, 6, 30}, SrcWage, pkWage}, 10338, High, ""},
		{&period{Date{2022, 7, 1}, Date{2023, 6, 30}, SrcWage, pkWage}, 11396, High, ""},
		{&period{Date{2023, 7, 1}, Date{2024, 6, 30}, SrcWage, pkWage}, 12183, High, ""},
		{&period{Date{2024, 7, 1}, Date{2025, 6, 30}, SrcWage, pkWage}, 12307, High, ""},
		{&period{Date{2025, 7, 1}, Date{2026, 6, 30}, SrcWage, pkWage}, 12434, High, ""}, // published 2025-09: bases 7,460–37,302
		{&period{Date{2026, 7, 1}, Date{2027, 6, 30}, SrcWage, pkWage}, 12577, Medium, // the HR bureau's notice of 2026-08: bases 7,546–37,731
			"由 2026 年 8 月人社局通知的社保缴费基数上限 37,731 元推得（37,731 = 3 × 12,577，与往年一致），多个来源一致，未见原文"},
	}}
	// The figure of a year is published in August or September (rules.md
	// "Shanghai average wage"), after the July it is used from.
	wagePublishFrom = param{"wage.publish_from_month", []value{{&wagePublication, 8, High, ""}}}
	wagePublishTo   = param{"wage.publish_to_month", []value{{&wagePublication, 9, High, ""}}}
)

var wagePublication = period{Date{}, Date{}, SrcWage, pkOpen}

// TierRule is one row of the base-tier table.
type TierRule struct {
	Value            Tier
	points, multiple *param // nil for TierNone
	months, window   *param
	next             *param // the multiple of the next tier, nil for the top
}

// TierTable lists the tiers, lowest first.
var TierTable = []TierRule{
	{TierNone, nil, nil, nil, nil, &tier08Mult},
	{Tier08, &tier08Pts, &tier08Mult, &tierMonths, &tierWindow, &tier1Mult},
	{Tier1, &tier1Pts, &tier1Mult, &tierMonths, &tierWindow, &tier2Mult},
	{Tier2, &tier2Pts, &tier2Mult, &tierMonths, &tierWindow, &tier3Mult},
	{Tier3, &tier3Pts, &tier3Mult, &tier3Months, &tier3Window, nil},
}

// TierRuleOf returns the row of a tier (TierNone's for unset).
func TierRuleOf(t Tier) TierRule {
	for _, r := range TierTable {
		if r.Value == t {
			return r
		}
	}
	return TierTable[0]
}

func (t TierRule) mult(r *reader) int64 {
	if t.multiple == nil {
		return 0
	}
	return r.n64(t.multiple)
}

// minYears is the insurance years that can hold the months of the tier.
func (t TierRule) minYears(r *reader) int {
	if t.months == nil {
		return 0
	}
	return (r.n(t.months) + 11) / 12
}

// PointsAt is the tier's points with the values in force on d.
func (t TierRule) PointsAt(d Date) int { r := reader{d: d}; return r.pts(t.points) }

// Label names the tier by its multiples of the average wage on d:
// "0.8 倍至 1 倍", "3 倍及以上", "不到 0.8 倍".
func (t TierRule) Label(d Date) string {
	r := reader{d: d}
	return t.label(&r)
}

func (t TierRule) label(r *reader) string {
	switch {
	case t.multiple == nil:
		return r.f("不到 {0:m} 倍", r.n(t.next))
	case t.next == nil:
		return r.f("{0:m} 倍及以上", r.n(t.multiple))
	}
	return r.f("{0:m} 倍至 {1:m} 倍", r.n(t.multiple), r.n(t.next))
}

// monthsText is "近 48 个月中累计 36 个月".
func (t TierRule) monthsText(r *reader) string {
	return r.f("近 {0} 个月中累计 {1} 个月", r.n(t.window), r.n(t.months))
}

// WageFigure is the average monthly wage in use on a date.
type WageFigure struct {
	From, To Date // the months it is in use for
	Yuan     int64
	Conf     Confidence
	// Known is false when the date is past the last figure's period (the
	// last figure is used: the next one is not published yet) or before
	// the first.
	Known bool
	// Missing is the first month of the figure not yet known, when the
	// date is past the last figure.
	Missing Date
}

// missingText says that the figure used from the month missing is not
// known: due later than the rules were checked ("2027 年 7 月起使用的上年度平均
// 工资要到 2027 年 8、9 月才公布"), or overdue.
func missingText(r *reader, missing Date) string {
	from, to := r.n(&wagePublishFrom), r.n(&wagePublishTo)
	if RulesCheckedOn.Before(Date{missing.Year, time.Month(from), 1}) {
		return r.fs("{a}起使用的上年度平均工资要到 {0} 年 {1}、{2} 月才公布", []string{missing.MonthChinese()}, missing.Year, from, to)
	}
	return r.fs("{a}起使用的上年度平均工资（应在 {0} 年 {1}、{2} 月公布）截至 {b}仍未找到", []string{missing.MonthChinese(), RulesCheckedOn.Chinese()}, missing.Year, from, to)
}

func wageFigure(v value, where int, d Date) WageFigure {
	w := WageFigure{From: v.Per.From, To: v.Per.To, Yuan: v.N, Conf: v.Conf, Known: where == 0}
	if where > 0 {
		w.Missing = v.Per.To.nextDay()
		for !d.Before(w.Missing.AddYears(1)) {
			w.Missing = w.Missing.AddYears(1)
		}
	}
	return w
}

// WageAt returns the average wage in use on d.
func WageAt(d Date) WageFigure {
	v, where := wage.at(d)
	return wageFigure(*v, where, d)
}

// note is a sentence for a figure used past its period, "" otherwise.
func (w WageFigure) note() string {
	if w.Missing.IsZero() {
		return ""
	}
	var r reader
	return r.fs("{a}，暂按 {0:Y} 元计算。", []string{missingText(&r, w.Missing)}, int(w.Yuan))
}

// tierOfMonthly is the tier a monthly base (in fen) falls in, with the
// wage in force at d. Exact at the thresholds.
func tierOfMonthly(r *reader, fen int64, d Date) Tier {
	w := r.nAt(&wage, d)
	for i := len(TierTable) - 1; i > 0; i-- {
		// fen/100 ≥ w × mult/100  ⇔  fen ≥ w × mult
		if t := TierTable[i]; fen >= w*t.mult(r) {
			return t.Value
		}
	}
	return TierNone
}

// monthlyNote is the tier a monthly base falls in, with the figure in use.
func monthlyNote(p *Profile, d Date) string {
	if p.BaseMonthlyFen <= 0 {
		return ""
	}
	r := reader{d: d}
	w := WageAt(d)
	return r.fs("按 {a}起使用的上年度平均工资 {0:Y} 元计：属于“{b}”档", []string{w.From.MonthChinese(), TierRuleOf(tierOfMonthly(&r, p.BaseMonthlyFen, d)).label(&r)}, int(w.Yuan))
}

// TierOfMonthly returns the tier a monthly base (in fen) falls in, with
// the average wage in use on d.
func TierOfMonthly(fen int64, d Date) Tier {
	r := reader{d: d}
	return tierOfMonthly(&r, fen, d)
}

// tierItem: claimed by a tier above none, or a monthly base to estimate one.
var tierItem = Indicator{ID: IDBaseTier, Name: "社保缴费基数", Key: "base_tier",
	claimed: func(p *Profile) bool {
		return p.BaseTier != TierUnset && p.BaseTier != TierNone || p.BaseMonthlyFen > 0
	}}

var tierInd = module{seq: 110, group: GroupBonus, items: []*Indicator{&tierItem}, keys: []string{"base_tier", "base_monthly"},
	params: []*param{&tier08Pts, &tier1Pts, &tier2Pts, &tier3Pts, &tier08Mult, &tier1Mult, &tier2Mult, &tier3Mult,
		&tierMonths, &tierWindow, &tier3Months, &tier3Window, &wage, &wagePublishFrom, &wagePublishTo},
	score: scoreTier, rules: tierRules, help: tierHelp}

func init() { register(&tierInd) }

func scoreTier(e *eval) {
	t := TierRuleOf(e.tier)
	raw, need := e.pts(t.points), t.minYears(&e.reader)
	pts := 0
	if e.years >= need {
		pts = raw
	}
	e.total += pts
	p := e.p
	if e.res == nil || (p.BaseTier == TierUnset && p.BaseMonthlyFen == 0) {
		e.take()
		return
	}
	var why string
	switch {
	case e.tierEst && t.points == nil:
		w := e.nAt(&wage, p.AsOf)
		why = e.f("按月缴费基数 {0:F} 元估算：低于上年度平均工资 {1:Y} 元的 {2:m} 倍（{3:F} 元），不加分（估算）",
			int(p.BaseMonthlyFen), int(w), e.n(t.next), int(w)*e.n(t.next))
	case e.tierEst:
		w := e.nAt(&wage, p.AsOf)
		why = e.fs("按月缴费基数 {0:F} 元估算（{a}起上年度平均工资 {1:Y} 元）：{b}档，须{c}达到，{2} 分（估算）",
			[]string{WageAt(p.AsOf).From.MonthChinese(), t.label(&e.reader), t.monthsText(&e.reader)}, int(p.BaseMonthlyFen), int(w), raw)
	case t.points == nil:
		why = e.f("缴费基数未达上年度平均工资的 {0:m} 倍，不加分", e.n(t.next))
	case t.next == nil:
		why = e.f("近 {0} 个月中累计 {1} 个月缴费基数为上年度平均工资的 {2:m} 倍及以上：{3} 分",
			e.n(t.window), e.n(t.months), e.n(t.multiple), raw)
	default:
		why = e.f("近 {0} 个月中累计 {1} 个月缴费基数为上年度平均工资的 {2:m} 倍至 {4:m} 倍：{3} 分",
			e.n(t.window), e.n(t.months), e.n(t.multiple), raw, e.n(t.next))
	}
	short := raw > 0 && pts == 0
	if short {
		why += e.f("；社保年限不足 {0} 年，暂计 0 分", need)
	}
	e.max = TierTable[len(TierTable)-1].PointsAt(e.d) // the table is lowest first
	e.item(&tierItem, pts, why)
	if short {
		e.warn(e.fs("社保缴费基数“{a}”一档须{b}达到，而社保年限只有 {0} 年，不足 {1} 年，本项暂计 0 分。", []string{t.label(&e.reader), t.monthsText(&e.reader)}, e.years, need))
	}
	if p.BaseTier != TierUnset && p.BaseMonthlyFen > 0 {
		if est := tierOfMonthly(&e.reader, p.BaseMonthlyFen, p.AsOf); est != e.tier {
			e.warn(e.fs("填写的月缴费基数 {0:F} 元属于“{a}”，与所选档次“{b}”不一致；按所选档次计算，请核对。", []string{TierRuleOf(est).label(&e.reader), t.label(&e.reader)}, int(p.BaseMonthlyFen)))
		}
	}
	e.take()
}

// tierLevelsText is "0.8 倍 25 分、1 倍 50 分、2 倍 100 分（近 48 个月中累计
// 36 个月）；3 倍 120 分（近 36 个月中累计 24 个月）".
func tierLevelsText(r *reader) string {
	s := ""
	for i, t := range TierTable[1:] {
		s += r.f("{0:m} 倍 {1} 分", r.n(t.multiple), r.n(t.points))
		if t.next == nil {
			return s + "（" + t.monthsText(r) + "）"
		}
		if n := TierTable[i+2]; r.n(t.window) != r.n(n.window) || r.n(t.months) != r.n(n.months) {
			s += "（" + t.monthsText(r) + "）；"
		} else {
			s += "、"
		}
	}
	return s
}

func tierRules(w *ruleWriter) {
	f := WageAt(w.d)
	w.row(&tierItem, tierLevelsText(&w.reader)+"；只计最高一档",
		w.fs("按当月使用的上年度平均工资（{a}起 {wage:Y} 元）的倍数；月份不必连续；社保年限须够这些月份（不足时暂计 0 分）", []string{f.From.MonthChinese()}))
}

func tierHelp(key string, r *reader) string {
	w := WageAt(r.d)
	if key == "base_monthly" {
		return r.fs("不清楚档次时填月缴费基数，按计算日期使用的上年度平均工资（{0:Y} 元，{a}起）估算档次。{b}", []string{w.From.MonthChinese(), w.note()}, int(w.Yuan))
	}
	return r.fs("缴费基数达到上年度平均工资的倍数：{a}。按 {b}起使用的 {0:Y} 元计，{base_tier.0.8.multiple:m} 倍为 {1:F} 元。社保年限不足时暂不计分。{c}",
		[]string{tierLevelsText(r), w.From.MonthChinese(), w.note()}, int(w.Yuan), int(w.Yuan)*r.n(&tier08Mult))
}

// BaseTierChoices are the tiers as ranges of monthly base under the wage
// in use on d, with exact thresholds: "9,947.2 元至 12,434 元（不含）".
func BaseTierChoices(d Date) []Choice {
	r := reader{d: d}
	w := r.nAt(&wage, d)
	cs := make([]Choice, 0, len(TierTable))
	for _, t := range TierTable {
		c := Choice{Value: string(t.Value), Points: r.pts(t.points), Note: cat("上年度平均工资的", t.label(&r))}
		switch {
		case t.multiple == nil:
			c.Label = r.f("低于 {0:F} 元，或不清楚", int(w)*r.n(t.next))
		case t.next == nil:
			c.Label = r.f("{0:F} 元及以上（缴费上限）", int(w*t.mult(&r)))
			c.Note += "，" + t.monthsText(&r)
		default:
			c.Label = r.f("{0:F} 元至 {1:F} 元（不含）", int(w*t.mult(&r)), int(w)*r.n(t.next))
		}
		cs = append(cs, c)
	}
	return cs
}

// WageRow is one line of the wage table for the rules page.
type WageRow struct {
	From, To Date
	Yuan     int64  // 0 for a figure not yet published
	Month    string // "2025 年 7 月" (the first month it is used for)
	Wage     string // "12,434 元", or "未公布"
	Low      string // the lowest tier's threshold: "9,947.2 元"
	High     string // the top tier's threshold (the contribution ceiling): "37,302 元"
	Conf     Confidence
	Note     string
}

// WageHeaders are the column heads of WageRows on d: "起用", "月平均工资",
// "0.8 倍", "3 倍（缴费上限）".
func WageHeaders(d Date) []string {
	r := reader{d: d}
	return append(make([]string, 0, 4), "起用", "月平均工资", r.f("{base_tier.0.8.multiple:m} 倍"), r.f("{base_tier.3.multiple:m} 倍（缴费上限）"))
}

// WageRows lists the average wage figures, oldest first, with the
// thresholds of the lowest and highest tier; when d is past the last
// figure, a last row says that the next one is missing.
func WageRows(d Date) []WageRow {
	r := reader{d: d}
	lo, hi := r.n64(&tier08Mult), r.n64(&tier3Mult)
	rows := make([]WageRow, 0, len(wage.Values)+1)
	for _, v := range wage.Values {
		rows = append(rows, WageRow{From: v.Per.From, To: v.Per.To, Yuan: v.N, Month: v.Per.From.MonthChinese(), Wage: r.f("{0:Y} 元", int(v.N)),
			Low: r.f("{0:F} 元", int(v.N*lo)), High: r.f("{0:F} 元", int(v.N*hi)), Conf: v.Conf})
	}
	if w := WageAt(d); !w.Missing.IsZero() {
		rows = append(rows, WageRow{From: w.Missing, Month: w.Missing.MonthChinese(), Wage: "未公布", Conf: Low,
			Note: r.fs("{a}；在此之前，这以后的月份暂按 {0:Y} 元比较。", []string{missingText(&r, w.Missing)}, int(w.Yuan))})
	}
	return rows
}

// TierQuestion is the self-test's question on the base tier and its hint
// on d: the months the tiers count, and that with exactly as many years
// of insurance as those months every month counts.
func TierQuestion(d Date) (question, hint string) {
	r := reader{d: d}
	w := WageAt(d)
	question = r.f("近 {base_tier.window} 个月里，至少 {base_tier.months} 个月的社保缴费基数在哪一档？")
	hint = r.fs("月份累计即可，不必连续：{base_tier.3.multiple:m} 倍以下各档看近 {base_tier.window} 个月中是否累计 {base_tier.months} 个月达到，"+
		"{base_tier.3.multiple:m} 倍档看近 {base_tier.3.window} 个月中是否累计 {base_tier.3.months} 个月达到。社保正好 {0} 年的，每个月都要达到。"+
		"按 {a}起使用的上年度平均工资 {1:Y} 元计。{b}",
		[]string{w.From.MonthChinese(), w.note()}, r.n(&tierMonths)/12, int(w.Yuan))
	return question, hint
}
