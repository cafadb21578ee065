package score

import "strings"

// This file holds the machinery of the rule book: every number of the
// rules is a param, a list of dated values, each with the period it holds
// for, the document it comes from, how sure it is and, below high, a
// one-line statement of the dispute (in the manner of OpenFisca's
// parameters). The values themselves live beside the indicator that reads
// them (basic_*.go, bonus_*.go, deduct.go, veto.go), in the regulation's
// order; the average wage in bonus_tier.go, the retirement ages in
// retire.go, the plan's lead times in plan_paths.go.

// Confidence says how sure a rule is. Anything below High is shown to the
// user as uncertain, with its dispute line.
type Confidence string

// Confidence levels, as marked in rules.md.
const (
	High   Confidence = "high"
	Medium Confidence = "medium"
	Low    Confidence = "low"
)

func (c Confidence) rank() int {
	switch c {
	case High:
		return 2
	case Medium:
		return 1
	}
	return 0
}

// Source documents, as cited to the user.
const (
	SrcPointsRules  = "《上海市居住证积分管理办法》（沪府规〔2022〕21号，指标沿用沪府发〔2017〕98号）"
	SrcImplementing = "《上海市居住证积分管理办法实施细则》"
	SrcTitleWindow  = "区政府网站关于职称社保基数条件的问答"
	SrcLingang      = "临港新片区人才政策（截至 2025 年 12 月的各来源）"
	SrcWage         = "上海市人力资源和社会保障局公布的上年度全口径城镇单位就业人员月平均工资"
	SrcPermitRules  = "《上海市居住证管理办法》（沪府令58号）"
	SrcRetirement   = "《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》（2024 年 9 月 13 日）"
	SrcBirthPolicy  = "沪府发〔2017〕98号；《中共中央 国务院关于优化生育政策促进人口长期均衡发展的决定》（2021 年）"
	SrcPlan         = "本计算器按各来源的常见用时估计"
)

// RulesCheckedOn is the date the values were last checked against the
// sources.
var RulesCheckedOn = Date{2026, 12, 6}

// periodKind says what a period is, for the warning given when a date
// falls outside it.
type periodKind uint8

const (
	pkRules periodKind = iota // the points regulation
	pkWage                    // one year's average wage figure
	pkOpen                    // no known end
)

// period is a span of days over which values hold, and the document they
// come from. A zero From has no known start, a zero To no known end.
type period struct {
	From, To Date
	Source   string
	kind     periodKind
}

// The renewed points regulation 沪府规〔2022〕21号 (high: quoted with these
// dates above a 2023 indicator table). Its values are those of 沪府发〔2017〕98号.
var (
	rulesPeriod   = period{Date{2023, 1, 1}, Date{2027, 12, 31}, SrcPointsRules, pkRules}
	titleWindowPd = period{Date{2023, 1, 1}, Date{2027, 12, 31}, SrcTitleWindow, pkRules}
	lingangPeriod = period{Date{2023, 1, 1}, Date{2027, 12, 31}, SrcLingang, pkRules}
	birthPeriod   = period{Date{2023, 1, 1}, Date{2027, 12, 31}, SrcBirthPolicy, pkRules}
)

// value is one dated value of a param.
type value struct {
	Per     *period
	N       int64
	Conf    Confidence
	Dispute string // one line, required below High
}

// param is one number of the rules: its values, oldest first.
type param struct {
	ID     string
	Values []value
}

// at returns the value in force on d, and where d lies: 0 within the known
// values, 1 past the last one's end (the last is used), -1 before the first
// one's start (the first is used).
func (p *param) at(d Date) (*value, int) {
	vs := p.Values
	i := len(vs) - 1
	for i > 0 && d.Before(vs[i].Per.From) {
		i--
	}
	v := &vs[i]
	switch {
	case d.Before(v.Per.From):
		return v, -1
	case i == len(vs)-1 && !v.Per.To.IsZero() && d.After(v.Per.To):
		return v, 1
	}
	return v, 0
}

// reader reads values at a date. When tracking, it keeps the lowest
// confidence, the disputes and the sources read since the last take (for
// the item or rule row being built), and every value used outside its
// known period (for the warnings).
type reader struct {
	d        Date
	track    bool
	srcsToo  bool // track the sources too (rule rows)
	conf     Confidence
	disputes []string
	srcs     []string
	outside  []outsideUse
	// text, when it has a capacity, holds the sentences written by fs:
	// one array for a whole evaluation rather than a string each. It is
	// only ever appended to.
	text []byte
}

// outsideUse is a value used for a date outside its known period.
type outsideUse struct {
	v     value
	d     Date
	after bool
}

func (r *reader) n(p *param) int { return int(r.nAt(p, r.d)) }

func (r *reader) n64(p *param) int64 { return r.nAt(p, r.d) }

// nAt reads p at d.
func (r *reader) nAt(p *param, d Date) int64 {
	v, where := p.at(d)
	if !r.track {
		return v.N
	}
	if r.conf == "" || v.Conf.rank() < r.conf.rank() {
		r.conf = v.Conf
	}
	if v.Dispute != "" && !has(r.disputes, v.Dispute) {
		r.disputes = append(r.disputes, v.Dispute)
	}
	if r.srcsToo && !has(r.srcs, v.Per.Source) {
		r.srcs = append(r.srcs, v.Per.Source)
	}
	if where != 0 {
		for _, o := range r.outside {
			if o.v.Per.kind == v.Per.kind && o.after == (where > 0) {
				return v.N
			}
		}
		r.outside = append(r.outside, outsideUse{*v, d, where > 0})
	}
	return v.N
}

// take returns the confidence and dispute line of what was read since the
// last take, and starts afresh.
func (r *reader) take() (Confidence, string) {
	c := r.conf
	if c == "" {
		c = High
	}
	d := strings.Join(r.disputes, "；")
	r.conf, r.disputes, r.srcs = "", r.disputes[:0], r.srcs[:0]
	return c, d
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// outsideWarnings says, once per kind, that a value was used for a date
// outside its known period.
func (r *reader) outsideWarnings() []string {
	var ws []string
	for _, o := range r.outside {
		ws = append(ws, outsideText(o))
	}
	return ws
}

func outsideText(o outsideUse) string {
	var r reader
	per := o.v.Per
	switch {
	case per.kind == pkWage && o.after:
		missing := per.From
		for !o.d.Before(missing.AddYears(1)) {
			missing = missing.AddYears(1)
		}
		if missing == per.From {
			missing = per.To.nextDay()
		}
		return r.fs("{a}：按 {b}起的 {0:Y} 元比较，假设其不变。", []string{missingText(&r, missing), per.From.MonthChinese()}, int(o.v.N))
	case per.kind == pkWage:
		return r.fs("计算日期早于已收录的最早上年度平均工资（{a}起使用）：按该数字比较。", []string{per.From.MonthChinese()})
	case o.after:
		return r.fs("计算日期 {a}晚于现行积分办法的有效期（至 {b}）：按办法最后的分值计算，假设其延续。", []string{o.d.Chinese(), per.To.Chinese()})
	}
	return r.fs("计算日期早于现行积分办法施行（{a}）：按现行分值计算（据各来源，此前的沪府发〔2017〕98号指标相同）。", []string{per.From.Chinese()})
}

// The standard score (标准分值). Reaching it lets co-resident children sit
// Shanghai's 中考 and 高考 and lets spouse and children join Shanghai
// social insurance (沪府令58号 arts. 28-29).
var standardPts = param{"standard", []value{{&rulesPeriod, 120, High, ""}}}

// StandardAt is the standard score in force on d (120).
func StandardAt(d Date) int { r := reader{d: d}; return r.n(&standardPts) }

func init() { registerParams(&standardPts) }
