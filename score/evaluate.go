package score

import (
	"strconv"
	"strings"
)

// Item is the score of one indicator.
type Item struct {
	ID         string     `json:"id"`
	Points     int        `json:"points"`
	Name       string     `json:"name"`
	Why        string     `json:"why"`
	Confidence Confidence `json:"confidence"`
	// Group is basic, bonus, deduction or veto.
	Group string `json:"group"`
}

// Item groups.
const (
	GroupBasic     = "basic"
	GroupBonus     = "bonus"
	GroupDeduction = "deduction"
	GroupVeto      = "veto"
)

// Result is the evaluation of one profile, as in profile.md.
type Result struct {
	Total         int      `json:"total"`
	Standard      int      `json:"standard"`
	MeetsStandard bool     `json:"meets_standard"`
	Gap           int      `json:"gap"`
	Vetoed        bool     `json:"vetoed"`
	Items         []Item   `json:"items"`
	Warnings      []string `json:"warnings"`
	RulesAsOf     string   `json:"rules_as_of"`
	AsOf          Date     `json:"as_of"`
	// Age is the age in full years used, or -1 when neither birth nor
	// age was given.
	Age int `json:"age"`
	// Tier is the base tier used (TierNone when none), and TierEstimated
	// whether it was estimated from base_monthly.
	Tier          Tier `json:"base_tier"`
	TierEstimated bool `json:"base_tier_estimated"`
}

// Item returns the item with the id, and whether there is one.
func (r Result) Item(id string) (Item, bool) {
	for _, it := range r.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

func (r *Result) add(id, name string, points int, why string, conf Confidence, group string) {
	r.Items = append(r.Items, Item{ID: id, Points: points, Name: name, Why: why, Confidence: conf, Group: group})
}

func (r *Result) warn(s string) { r.Warnings = append(r.Warnings, s) }

// Evaluate scores a profile at p.AsOf (today when zero) with the rules of
// rules.md. It returns Problems when the profile cannot be scored (a birth
// date after the evaluation date, an age out of range).
func Evaluate(p Profile) (Result, error) {
	if p.AsOf.IsZero() {
		p.AsOf = Today()
	}
	if probs := Check(p); len(probs) > 0 {
		return Result{}, probs
	}
	r := Result{Standard: Standard, AsOf: p.AsOf, Items: make([]Item, 0, 8), Warnings: make([]string, 0, 6)}
	r.Total = compute(&p, p.AsOf, nil, &r)
	r.MeetsStandard = r.Total >= Standard && !r.Vetoed
	if r.Total < Standard {
		r.Gap = Standard - r.Total
	}
	r.RulesAsOf = rulesAsOf(p.AsOf)
	return r, nil
}

// MustEvaluate is Evaluate for profiles known to be valid (tests,
// examples); it panics on a problem.
func MustEvaluate(p Profile) Result {
	r, err := Evaluate(p)
	if err != nil {
		panic(err)
	}
	return r
}

// Check returns the problems that involve more than one key; p.AsOf must
// be set. ParseJSON and ParseQuery check each key alone.
func Check(p Profile) Problems {
	var probs Problems
	if p.AsOf.Year < 2000 || p.AsOf.Year > 2100 {
		probs = append(probs, Problem{Key: "as_of", Zh: "计算日期（as_of）须在 2000 年至 2100 年之间", En: "as_of: must be between 2000 and 2100"})
	}
	if !p.Birth.IsZero() {
		switch age := p.Birth.YearsTo(p.AsOf); {
		case p.Birth.After(p.AsOf):
			probs = append(probs, Problem{Key: "birth", Zh: "出生年月（birth）晚于计算日期 " + p.AsOf.String(), En: "birth: after as_of " + p.AsOf.String()})
		case age < 16 || age > 80:
			probs = append(probs, Problem{Key: "birth", Zh: "出生年月（birth）对应的年龄为 " + strconv.Itoa(age) + " 岁，应在 16 到 80 岁之间", En: "birth: gives age " + strconv.Itoa(age) + " at as_of, want 16 to 80"})
		}
	}
	return probs
}

// ageAt is the age in full years at d, or -1 when unknown. With only age
// given, it grows on each anniversary of as_of.
func ageAt(p *Profile, d Date) int {
	switch {
	case !p.Birth.IsZero():
		return p.Birth.YearsTo(d)
	case p.Age > 0:
		return p.Age + p.AsOf.YearsTo(d)
	}
	return -1
}

// effectiveTier resolves base_tier, or estimates it from base_monthly with
// the wage figure in force at d.
func effectiveTier(p *Profile, d Date) (t Tier, estimated bool) {
	if p.BaseTier != TierUnset {
		return p.BaseTier, false
	}
	if p.BaseMonthlyFen > 0 {
		w, _ := WageAt(d)
		return TierOfMonthly(p.BaseMonthlyFen, w.Yuan), true
	}
	return TierNone, false
}

// TierOfMonthly returns the tier a monthly base (in fen) falls in, for an
// average wage in yuan. Exact at the thresholds.
func TierOfMonthly(fen, wageYuan int64) Tier {
	for i := len(TierTable) - 1; i > 0; i-- {
		t := TierTable[i]
		// fen/100 ≥ wage × Num/Den  ⇔  fen × Den ≥ wage × 100 × Num
		if fen*t.Den >= wageYuan*100*t.Num {
			return t.Value
		}
	}
	return TierNone
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

// EducationRuleOf returns the row of an education value.
func EducationRuleOf(e Education) EducationRule {
	for _, r := range EducationTable {
		if r.Value == e {
			return r
		}
	}
	return EducationTable[0]
}

// TitleRuleOf returns the row of a title value.
func TitleRuleOf(t Title) TitleRule {
	for _, r := range TitleTable {
		if r.Value == t {
			return r
		}
	}
	return TitleTable[0]
}

// AwardRuleOf returns the row of an award value.
func AwardRuleOf(a Award) AwardRule {
	for _, r := range AwardTable {
		if r.Value == a {
			return r
		}
	}
	return AwardTable[0]
}

// keyAreaMinYears is the years after which key-area points enter the total.
func keyAreaMinYears(area string, d Date) int {
	if area != KeyAreaLingang {
		return KeyAreaMinYears
	}
	if d.Before(LingangFirstYearFrom) {
		return LingangMinYearsOld
	}
	return LingangMinYearsNew
}

// compute returns the total of p at date d. Years in p are as of p.AsOf;
// grow adds full years for the projection of Plan. With r set it records
// every item, warning and veto.
func compute(p *Profile, d Date, g *growth, r *Result) int {
	var years, spouse, keyArea, public int = p.InsuranceYears, p.SpouseYears, p.KeyAreaYears, p.PublicServiceYears
	titleOK := p.TitleBaseOK
	tier, estimated := effectiveTier(p, p.AsOf)
	edu, title := p.Education, p.Title
	if g != nil {
		n := p.AsOf.YearsTo(d)
		years += n
		if spouse > 0 {
			spouse += n
		}
		if keyArea > 0 {
			keyArea += n
		}
		if public > 0 {
			public += n
		}
		if !d.Before(g.from) {
			if g.title != TitleNone {
				title = g.title
			}
			if g.edu != EduNone {
				edu = g.edu
			}
			if g.tier != TierUnset {
				tier, estimated = g.tier, false
			}
			titleOK = titleOK || g.titleOK
		}
	}
	total := 0

	// 年龄
	age := ageAt(p, d)
	agePts := 0
	if age >= 0 {
		agePts = AgePoints(age)
	}
	total += agePts
	if r != nil {
		r.Age = age
		if age < 0 {
			r.add("age", "年龄", 0, "未填写出生年月或年龄，年龄指标未计分", AgeConfidence, GroupBasic)
			r.warn("请填写出生年月或年龄：年龄指标最多 30 分，本次未计。")
		} else {
			r.add("age", "年龄", agePts, ageWhy(age, agePts), AgeConfidence, GroupBasic)
		}
	}

	// 教育背景 与 职称/技能等级：只计较高者
	er := EducationRuleOf(edu)
	tr := TitleRuleOf(title)
	titlePts := tr.Points
	titleBlocked := tr.NeedsBase && !titleOK
	if titleBlocked {
		titlePts = 0
	}
	titleCounts := titlePts > er.Points
	if titleCounts {
		total += titlePts
	} else {
		total += er.Points
	}
	if r != nil {
		eduWhy := er.Name + " " + strconv.Itoa(er.Points) + " 分"
		eduPts := er.Points
		switch {
		case titleCounts:
			eduWhy += "；" + tr.Name + "（" + strconv.Itoa(titlePts) + " 分）更高，学历与职称只计较高者，本项不计"
			eduPts = 0
		case title != TitleNone && titleBlocked && tr.Points > er.Points:
			eduWhy += "；职称未满足基数条件，按学历计"
		case title != TitleNone && tr.Points > 0:
			eduWhy += "；学历与职称只计较高者，按学历计"
		}
		r.add("education", "教育背景", eduPts, eduWhy, EducationConfidence, GroupBasic)
		if edu != EduNone && !p.FullTime {
			r.warn("若最高学历为非全日制（自考、成人、网络教育），部分计算器只认可在上海或户籍所在省份取得的学历；此说法未经核实，以区人才服务中心核定为准。")
		}
		if title != TitleNone {
			why := tr.Name + " " + strconv.Itoa(tr.Points) + " 分"
			conf := TitleConfidence
			if tr.NeedsBase {
				conf = TitleBaseCondConfidence
			}
			if titleBlocked {
				why += "，但近 12 个月中未满 6 个月社保基数≥上年度平均工资 1 倍，此等级计 0 分"
			}
			shown := titlePts
			if !titleCounts {
				if titlePts > 0 {
					why += "；学历分更高，学历与职称只计较高者，本项不计"
				}
				shown = 0
			}
			r.add("title", "职称/技能等级", shown, why, conf, GroupBasic)
			r.warn("职称或技能等级须与现工作岗位相符；外省市取得的证书须经本市复核认定。")
			if titleBlocked {
				r.warn(tr.Name + "要求近 12 个月中至少 6 个月在本市社保缴费基数≥上年度平均工资 1 倍；达到后可计 " + strconv.Itoa(tr.Points) + " 分。")
			}
		}
	}

	// 社保年限
	insPts := InsurancePointsPerYear * years
	total += insPts
	if r != nil {
		r.add("insurance_years", "社保缴纳年限", insPts, "每满 1 年 3 分 × "+strconv.Itoa(years)+" 年 = "+strconv.Itoa(insPts)+" 分", InsuranceConfidence, GroupBasic)
		if years > 0 {
			r.warn("社保年限只计本市职工社保、由劳动合同单位缴纳、非补缴的月份；缴纳中断后是否重新计算年限，各来源说法不一，以区人才服务中心核定为准。")
		}
	}

	// 社保缴费基数
	tierRule := TierRuleOf(tier)
	tierPts := 0
	if tierRule.Points > 0 && years >= tierRule.MinYears {
		tierPts = tierRule.Points
	}
	total += tierPts
	if r != nil {
		r.Tier, r.TierEstimated = tierRule.Value, estimated
		if p.BaseTier != TierUnset || p.BaseMonthlyFen > 0 || tier != TierNone {
			r.add("base_tier", "社保缴费基数", tierPts, tierWhy(p, tierRule, tierPts, estimated), TierConfidence, GroupBonus)
			if tierRule.Points > 0 && tierPts == 0 {
				r.warn("缴费基数“" + tierRule.Name + "”一档要求近 " + strconv.Itoa(tierRule.WindowMonths) + " 个月中累计 " + strconv.Itoa(tierRule.Months) + " 个月达到该基数，而社保年限只有 " + strconv.Itoa(years) + " 年，不足 " + strconv.Itoa(tierRule.MinYears) + " 年，本项暂计 0 分。")
			}
			if p.BaseTier != TierUnset && p.BaseMonthlyFen > 0 {
				w, _ := WageAt(p.AsOf)
				if est := TierOfMonthly(p.BaseMonthlyFen, w.Yuan); est != tier {
					r.warn("填写的月缴费基数 " + FenText(p.BaseMonthlyFen) + " 元对应“" + TierRuleOf(est).Name + "”，与所选档次“" + tierRule.Name + "”不一致；按所选档次计算，请核对。")
				}
			}
		}
	}

	// 紧缺急需专业
	if p.ShortageMajor {
		pts := 0
		if p.FullTime {
			pts = ShortageMajorPoints
		}
		total += pts
		if r != nil {
			why := "紧缺急需专业 30 分（专业在本市紧缺目录内且从事相应岗位）"
			if pts == 0 {
				why = "紧缺急需专业须为全日制学历，未选全日制，计 0 分"
				r.warn("紧缺急需专业加分据多个来源要求全日制学历；若您是全日制毕业，请勾选“全日制”。")
			}
			r.add("shortage_major", "紧缺急需专业", pts, why, ShortageFullTimeConfidence, GroupBonus)
		}
	}

	// 投资纳税或带动就业
	if p.InvestTaxAvgFen > 0 || p.InvestHiresAvg > 0 {
		taxSteps := int(p.InvestTaxAvgFen / (InvestTaxStepYuan * 100))
		hireSteps := p.InvestHiresAvg / InvestHiresStep
		pts := max(taxSteps, hireSteps) * InvestPointsPerStep
		capped := pts > InvestCap
		pts = min(pts, InvestCap)
		total += pts
		if r != nil {
			why := "近 3 年个人出资部分年均纳税每满 10 万元或年均聘用本市户籍人员每满 10 人计 10 分：纳税 " + strconv.Itoa(taxSteps*InvestPointsPerStep) + " 分，聘用 " + strconv.Itoa(hireSteps*InvestPointsPerStep) + " 分，取较高者 " + strconv.Itoa(pts) + " 分"
			if capped {
				why += "（已达上限 " + strconv.Itoa(InvestCap) + " 分）"
			}
			r.add("investment", "投资纳税或带动就业", pts, why, InvestmentConfidence, GroupBonus)
			if pts > 100 {
				r.warn(InvestmentCapDisputed + "，以区人才服务中心核定为准。")
			}
		}
	}

	// 特定公共服务领域
	if public > 0 {
		pts := 0
		if public >= PublicServiceMinYears {
			pts = PublicServicePointsPerYear * public
			if PublicServiceCap > 0 {
				pts = min(pts, PublicServiceCap)
			}
		}
		total += pts
		if r != nil {
			why := "每满 1 年 4 分 × " + strconv.Itoa(public) + " 年 = " + strconv.Itoa(PublicServicePointsPerYear*public) + " 分"
			if pts == 0 {
				why += "，满 5 年后才计入总分，目前计 0 分"
			} else {
				why += "（未见上限规定）"
			}
			r.add("public_service", "特定公共服务领域", pts, why, PublicServiceConfidence, GroupBonus)
		}
	}

	// 远郊重点区域
	if keyArea > 0 {
		area := p.KeyArea
		if area == "" {
			area = KeyAreaOther
		}
		need := keyAreaMinYears(area, d)
		pts := 0
		if keyArea >= need {
			pts = min(KeyAreaPointsPerYear*keyArea, KeyAreaCap)
		}
		total += pts
		if r != nil {
			name := "远郊重点区域"
			conf := KeyAreaConfidence
			if area == KeyAreaLingang {
				name, conf = "临港新片区", LingangConfidence
			}
			why := name + "每满 1 年 2 分 × " + strconv.Itoa(keyArea) + " 年，上限 20 分"
			if pts == 0 {
				why += "；满 " + strconv.Itoa(need) + " 年后才计入总分，目前计 0 分"
			} else {
				why += "，计 " + strconv.Itoa(pts) + " 分"
				if need == 1 {
					why += "（2024-08-21 起临港第一年即计入）"
				}
			}
			r.add("key_area", "远郊重点区域", pts, why, conf, GroupBonus)
			if p.KeyArea == "" {
				r.warn("未选择重点区域类型，按“其他远郊重点区域”（满 5 年计入）计算；若在临港新片区，请选择临港。")
			}
		}
	}

	// 全日制应届高校毕业生
	if p.FreshGraduate {
		pts := 0
		if p.FullTime {
			pts = FreshGraduatePoints
		}
		total += pts
		if r != nil {
			why := "全日制应届高校毕业生 10 分"
			if pts == 0 {
				why = "应届毕业生加分只适用于全日制毕业生，未选全日制，计 0 分"
				r.warn("应届毕业生加分按定义只适用于全日制毕业生，与“非全日制”矛盾；请核对“全日制”。")
			}
			r.add("fresh_graduate", "全日制应届毕业生", pts, why, FreshGraduateConfidence, GroupBonus)
			r.warn("应届毕业生加分在毕业后多久内可以申请，未找到明确规定，以区人才服务中心核定为准。")
		}
	}

	// 表彰奖励
	if p.Award != AwardNone {
		ar := AwardRuleOf(p.Award)
		total += ar.Points
		if r != nil {
			r.add("award", "表彰奖励", ar.Points, ar.Name+" "+strconv.Itoa(ar.Points)+" 分（须在本市公布的目录内、在沪工作期间获得）", AwardConfidence, GroupBonus)
		}
	}

	// 配偶为本市户籍
	if spouse > 0 {
		pts := min(SpousePointsPerYear*spouse, SpouseCap)
		total += pts
		if r != nil {
			why := "婚龄每满 1 年 4 分 × " + strconv.Itoa(spouse) + " 年"
			if SpousePointsPerYear*spouse > SpouseCap {
				why += "，上限 40 分"
			}
			r.add("spouse", "配偶为本市户籍", pts, why+"，计 "+strconv.Itoa(pts)+" 分", SpouseConfidence, GroupBonus)
		}
	}

	// 创业人才、创新创业中介服务人才
	if p.StartupTalent {
		total += StartupTalentPoints
		if r != nil {
			r.add("startup_talent", "创业人才", StartupTalentPoints, "在本市科技企业孵化器孵化满 6 个月的企业中持股≥5%，120 分", StartupTalentConfidence, GroupBonus)
		}
	}
	if p.TechTransferTalent {
		total += TechTransferPoints
		if r != nil {
			r.add("tech_transfer", "创新创业中介服务人才", TechTransferPoints, "在本市登记的技术转移服务机构连续工作满 6 个月，120 分", TechTransferConfidence, GroupBonus)
		}
	}

	// 减分指标
	deduct := func(id, name string, n, each int, what string) {
		if n <= 0 {
			return
		}
		total += n * each
		if r != nil {
			r.add(id, name, n*each, what+" "+strconv.Itoa(n)+" 次 × "+strconv.Itoa(each)+" 分", DeductionConfidence, GroupDeduction)
		}
	}
	deduct("false_material", "提供虚假材料", p.FalseMaterial, FalseMaterialPoints, "近 3 年积分申请中提供虚假材料")
	deduct("detention", "行政拘留", p.Detention, DetentionPoints, "近 5 年受行政拘留")
	deduct("criminal", "一般刑事犯罪", p.Criminal, CriminalPoints, "近 5 年有一般刑事犯罪记录")

	// 一票否决
	if r != nil {
		if p.SeriousCrime {
			r.Vetoed = true
			r.add("serious_crime", "严重刑事犯罪", 0, "有严重刑事犯罪记录，一票否决，不能申请积分", SeriousCrimeConfidence, GroupVeto)
		}
		if p.FamilyPlanningBreach {
			r.add("family_planning", "违反计划生育政策", 0, "2017 年办法列为一票否决，2024-2025 年的清单未再列出：可能适用", FamilyPlanningConfidence, GroupVeto)
			r.warn("违反计划生育政策在 2017 年办法中为一票否决，近年清单未再列出，可能仍会导致不予积分，请向区人才服务中心确认。")
		}
	}
	return total
}

func ageWhy(age, pts int) string {
	a := strconv.Itoa(age) // no allocation for ages below 100
	switch {
	case age > AgeLastCounted:
		return a + " 周岁，超过 60 周岁，0 分"
	case age >= AgeFloorFrom:
		return a + " 周岁，56-60 周岁 5 分"
	case pts == AgePointsCap:
		return a + " 周岁，43 周岁及以下满分 30 分"
	}
	return a + " 周岁，56 周岁 5 分，每年轻 1 岁加 2 分：" + strconv.Itoa(pts) + " 分"
}

func tierWhy(p *Profile, t TierRule, pts int, estimated bool) string {
	if t.Points == 0 {
		if estimated {
			w, _ := WageAt(p.AsOf)
			return "按月缴费基数 " + FenText(p.BaseMonthlyFen) + " 元估算：低于上年度平均工资 " + YuanText(w.Yuan) + " 元的 0.8 倍，不加分（估算）"
		}
		return "缴费基数未达上年度平均工资 0.8 倍，不加分"
	}
	months, window := strconv.Itoa(t.Months), strconv.Itoa(t.WindowMonths)
	if estimated {
		w, _ := WageAt(p.AsOf)
		s := "按月缴费基数 " + FenText(p.BaseMonthlyFen) + " 元估算（" + w.From.String()[:7] + " 起平均工资 " + YuanText(w.Yuan) + " 元）：“" + t.Name + "”档，须近 " + window + " 个月中累计 " + months + " 个月达到，" + strconv.Itoa(t.Points) + " 分（估算）"
		if pts == 0 {
			s += "；社保年限不足 " + strconv.Itoa(t.MinYears) + " 年，暂计 0 分"
		}
		return s
	}
	if pts == 0 {
		return "近 " + window + " 个月中累计 " + months + " 个月缴费基数为上年度平均工资的 " + t.Name + "：" + strconv.Itoa(t.Points) + " 分；社保年限不足 " + strconv.Itoa(t.MinYears) + " 年，暂计 0 分"
	}
	return "近 " + window + " 个月中累计 " + months + " 个月缴费基数为上年度平均工资的 " + t.Name + "：" + strconv.Itoa(t.Points) + " 分"
}

// YuanText writes whole yuan with thousands separators: 12,434.
func YuanText(y int64) string {
	s := strconv.FormatInt(y, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// rulesAsOfText holds, for each row of WageTable, the rule set and wage
// figure used, made once.
var rulesAsOfText = func() []string {
	texts := make([]string, len(WageTable))
	for i, w := range WageTable {
		texts[i] = "沪府规〔2022〕21号指标体系（规则核对于 " + RulesCheckedOn.String() + "）；上年度月平均工资 " + YuanText(w.Yuan) + " 元（" + w.From.String() + " 起使用）"
	}
	return texts
}()

func rulesAsOf(d Date) string {
	i := len(WageTable) - 1
	for i > 0 && d.Before(WageTable[i].From) {
		i--
	}
	s := rulesAsOfText[i]
	if d.Before(WageTable[0].From) {
		s += "；计算日期早于工资表，按最早一年计"
	}
	if d.Before(RulesInForceFrom) || d.After(RulesInForceTo) {
		s += "；计算日期不在现行办法有效期（2023-01-01 至 2027-12-31）内，仅供参考"
	}
	return s
}
