package score

// This file is the rule book: every number the calculator uses, each with
// the document it comes from and how sure we are of it, in the order of
// ../shared/rules.md. A disputed value is one constant or one table row, so
// that a better source is a one-line change.

// Confidence says how sure a rule is. Anything below High is shown to the
// user as uncertain.
type Confidence string

// Confidence levels, as marked in rules.md.
const (
	High   Confidence = "high"
	Medium Confidence = "medium"
	Low    Confidence = "low"
)

// Source documents.
const (
	SrcPointsRules  = "《上海市居住证积分管理办法》（沪府规〔2022〕21号，2023-01-01 至 2027-12-31；指标沿用沪府发〔2017〕98号）"
	SrcImplementing = "《上海市居住证积分管理办法实施细则》"
	SrcLingang      = "临港新片区人才政策（2024-08-21）"
	SrcWage         = "上海市人力资源和社会保障局公布的上年度全口径城镇单位就业人员月平均工资"
	SrcPermitRules  = "《上海市居住证管理办法》（沪府令58号）"
)

// Standard is the standard score (标准分值): 120 points.
const Standard = 120

// RulesCheckedOn is the date the rule tables were last checked against
// the sources.
var RulesCheckedOn = Date{2026, 11, 28}

// RulesInForce is the period of the renewed points regulation 沪府规〔2022〕21号
// (confidence medium: sources from 2023-2026 repeat the same point values).
var (
	RulesInForceFrom = Date{2023, 1, 1}
	RulesInForceTo   = Date{2027, 12, 31}
)

// UncertainNote is shown beside every value below high confidence.
const UncertainNote = "各来源说法不一，以区人才服务中心核定为准"

// ---------------------------------------------------------------------
// 基础指标: age (年龄). Full years at the evaluation date. Source: points
// rules; confidence high. 56-60 → 5; each year younger +2; cap 30;
// over 60 → 0.

// Age bounds of the age indicator.
const (
	AgeFullPointsMax = 43 // ≤43 → 30
	AgeFloorFrom     = 56 // 56-60 → 5
	AgeLastCounted   = 60 // over 60 → 0
	AgePointsCap     = 30
	AgeFloorPoints   = 5
	AgeStepPoints    = 2
	AgeConfidence    = High
)

// AgePoints returns the age indicator for full years of age.
func AgePoints(age int) int {
	switch {
	case age > AgeLastCounted:
		return 0
	case age >= AgeFloorFrom:
		return AgeFloorPoints
	}
	p := AgeFloorPoints + AgeStepPoints*(AgeFloorFrom-age)
	if p > AgePointsCap {
		return AgePointsCap
	}
	return p
}

// ---------------------------------------------------------------------
// 基础指标: education (教育背景). Source: points rules; confidence high.

// Education is the highest nationally recognised education.
type Education string

// Education values of the profile.
const (
	EduNone           Education = ""
	EduCollege        Education = "college"
	EduBachelor       Education = "bachelor"
	EduBachelorDegree Education = "bachelor_degree"
	EduMaster         Education = "master"
	EduDoctor         Education = "doctor"
)

// EducationRule is one row of the education table.
type EducationRule struct {
	Value  Education
	Name   string // Chinese
	Points int
}

// EducationTable lists the education levels, lowest first
// (confidence high).
var EducationTable = []EducationRule{
	{EduNone, "大专以下", 0},
	{EduCollege, "大专（高职）", 50},
	{EduBachelor, "本科（无学士学位）", 60},
	{EduBachelorDegree, "本科+学士学位", 90},
	{EduMaster, "硕士研究生（学历+学位）", 100},
	{EduDoctor, "博士研究生（学历+学位）", 110},
}

// EducationConfidence is the confidence of the education table.
const EducationConfidence = High

// ---------------------------------------------------------------------
// 基础指标: professional title and skill level (专业技术职称和技能等级).
// Source: points rules; confidence high for the values, medium for the
// exact window of the 1× base condition. Only the higher of education and
// title counts (either/or; high, agreed by many sources).

// Title is a professional title or vocational skill level.
type Title string

// Title values of the profile.
const (
	TitleNone         Title = ""
	TitleJunior       Title = "junior"
	TitleSkill5       Title = "skill5"
	TitleSkill4       Title = "skill4"
	TitleSkill3       Title = "skill3"
	TitleSkill2       Title = "skill2"
	TitleIntermediate Title = "intermediate"
	TitleSkill1       Title = "skill1"
	TitleSenior       Title = "senior"
)

// TitleRule is one row of the title table.
type TitleRule struct {
	Value  Title
	Name   string
	Points int
	// NeedsBase: scores only when, in the last 12 months, at least 6
	// months of Shanghai insurance base were ≥ 1× the average wage.
	NeedsBase bool
}

// TitleTable lists titles and skill levels, lowest first.
var TitleTable = []TitleRule{
	{TitleNone, "无", 0, false},
	{TitleJunior, "初级职称", 0, false},
	{TitleSkill5, "技能五级（初级工）", 15, false},
	{TitleSkill4, "技能四级（中级工）", 30, false},
	{TitleSkill3, "技能三级（高级工）", 60, false},
	{TitleSkill2, "技能二级（技师）", 100, true},
	{TitleIntermediate, "中级职称", 100, true},
	{TitleSkill1, "技能一级（高级技师）", 140, true},
	{TitleSenior, "高级职称", 140, true},
}

// Confidence of the title values and of the base condition.
const (
	TitleConfidence         = High
	TitleBaseCondConfidence = Medium
)

// ---------------------------------------------------------------------
// 基础指标: years of Shanghai employee social insurance. Source: points
// rules; 3 points a full year (high); no cap (medium); whether a gap
// resets the count is disputed.

// Insurance-years rule.
const (
	InsurancePointsPerYear = 3
	InsuranceConfidence    = High
	InsuranceNoCapConf     = Medium
)

// ---------------------------------------------------------------------
// 加分指标: insurance base tier (缴纳职工社会保险费基数). Source: points
// rules; confidence high.

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

// TierRule is one row of the base-tier table.
type TierRule struct {
	Value Tier
	Name  string
	// Num/Den is the multiple of the average wage the tier starts at.
	Num, Den int64
	Points   int
	// Months at the tier needed, within WindowMonths.
	Months, WindowMonths int
	// MinYears is the insurance years that can support the tier.
	MinYears int
}

// TierTable lists the tiers, lowest first (confidence high).
var TierTable = []TierRule{
	{TierNone, "无", 0, 1, 0, 0, 0, 0},
	{Tier08, "0.8 倍至 1 倍", 8, 10, 25, 36, 48, 3},
	{Tier1, "1 倍至 2 倍", 1, 1, 50, 36, 48, 3},
	{Tier2, "2 倍至 3 倍", 2, 1, 100, 36, 48, 3},
	{Tier3, "3 倍", 3, 1, 120, 24, 36, 2},
}

// TierConfidence is the confidence of the base-tier table.
const TierConfidence = High

// WageFigure is one row of the Shanghai average monthly wage table.
type WageFigure struct {
	From Date  // in use from this date
	Yuan int64 // yuan per month
	Conf Confidence
	Note string
}

// WageTable is the average wage used for the base tiers, oldest first.
// Source: SrcWage. Each month's base is compared with the figure in use
// in that month; which figure applies around the July switch is an open
// question.
var WageTable = []WageFigure{
	{Date{2021, 7, 1}, 10338, High, ""},
	{Date{2022, 7, 1}, 11396, High, ""},
	{Date{2023, 7, 1}, 12183, High, ""},
	{Date{2024, 7, 1}, 12307, High, ""},
	{Date{2025, 7, 1}, 12434, High, "2025-09 公布"},
}

// WageAt returns the wage figure in use on d and whether d is covered by
// the table (false before the first row).
func WageAt(d Date) (WageFigure, bool) {
	for i := len(WageTable) - 1; i >= 0; i-- {
		if !d.Before(WageTable[i].From) {
			return WageTable[i], true
		}
	}
	return WageTable[0], false
}

// ---------------------------------------------------------------------
// 加分指标: the other bonus items. Source: points rules.

// Shortage major (紧缺急需专业): 30 (high); needs full-time study (medium).
const (
	ShortageMajorPoints        = 30
	ShortageMajorConfidence    = High
	ShortageFullTimeConfidence = Medium
)

// Investment or hiring (投资纳税或带动本市户籍人员就业), on the personal share,
// average of the last 3 years; the higher of the two ways; cap 120
// (medium: 100 in the 2013 trial text, 120 in newer sources).
const (
	InvestTaxStepYuan     = 100000
	InvestHiresStep       = 10
	InvestPointsPerStep   = 10
	InvestCap             = 120
	InvestmentConfidence  = Medium
	InvestmentCapDisputed = "投资纳税加分上限：早期试行办法为 100 分，较新来源为 120 分，本计算器按 120 分"
)

// Public service (特定的公共服务领域): 4 a full year, counted once 5 years
// are reached; no cap found in any source (medium).
const (
	PublicServicePointsPerYear = 4
	PublicServiceMinYears      = 5
	PublicServiceCap           = 0 // 0: no cap
	PublicServiceConfidence    = Medium
)

// Key area (远郊重点区域, work and live there): 2 a full year, cap 20
// (high), counted once 5 years are reached. Lingang (source: SrcLingang,
// medium): once 3 years are reached, and from the first year since
// LingangFirstYearFrom.
const (
	KeyAreaPointsPerYear = 2
	KeyAreaCap           = 20
	KeyAreaMinYears      = 5
	LingangMinYearsOld   = 3
	LingangMinYearsNew   = 1
	KeyAreaConfidence    = High
	LingangConfidence    = Medium
	KeyAreaLingang       = "lingang"
	KeyAreaOther         = "other"
)

// LingangFirstYearFrom is the date from which Lingang years count from the
// first year (Lingang talent policy of 2024-08-21, medium).
var LingangFirstYearFrom = Date{2024, 8, 21}

// Fresh graduate (全日制应届高校毕业生): 10, full-time only (medium).
const (
	FreshGraduatePoints     = 10
	FreshGraduateConfidence = Medium
)

// Award (表彰奖励): see AwardTable (medium: the 60/30 split).
const AwardConfidence = Medium

// Award is a government award (表彰奖励).
type Award string

// Award values of the profile.
const (
	AwardNone        Award = ""
	AwardCitySpecial Award = "city_special"
	AwardCity        Award = "city"
	AwardNational    Award = "national"
)

// AwardRule is one row of the award table.
type AwardRule struct {
	Value  Award
	Name   string
	Points int
}

// AwardTable lists the awards: a provincial/ministerial or national
// government award 110; a Shanghai city-level bureau award, general 60 or
// specific 30, on the city's published list and won while working in
// Shanghai.
var AwardTable = []AwardRule{
	{AwardNone, "无", 0},
	{AwardCitySpecial, "市级委办局专项表彰", 30},
	{AwardCity, "市级委办局综合表彰", 60},
	{AwardNational, "省部级及以上政府表彰", 110},
}

// Spouse with Shanghai hukou (配偶为本市户籍人员): 4 a full year of
// marriage, cap 40 (high).
const (
	SpousePointsPerYear = 4
	SpouseCap           = 40
	SpouseConfidence    = High
)

// Startup talent (创业人才) and innovation intermediary talent
// (创新创业中介服务人才): 120 each (medium).
const (
	StartupTalentPoints     = 120
	StartupTalentConfidence = Medium
	TechTransferPoints      = 120
	TechTransferConfidence  = Medium
)

// ---------------------------------------------------------------------
// 减分指标 and 一票否决. Source: points rules.

// Deductions, each time (high): false documents in a points application
// within 3 years −150; administrative detention within 5 years −50; an
// ordinary criminal record within 5 years −150.
const (
	FalseMaterialPoints = -150
	DetentionPoints     = -50
	CriminalPoints      = -150
	DeductionConfidence = High
)

// Vetoes: a serious criminal record (high); a breach of family-planning
// rules, a veto in the 2017 text that 2024-2025 lists omit (low: shown as
// "may apply", not applied).
const (
	SeriousCrimeConfidence   = High
	FamilyPlanningConfidence = Low
)
