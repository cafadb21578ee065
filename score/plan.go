package score

import (
	"sort"
	"strconv"
)

// PlanResult says when a person reaches 120 points if nothing changes but
// time, and which single changes get there sooner.
type PlanResult struct {
	AsOf     Date `json:"as_of"`
	Total    int  `json:"total"`
	Standard int  `json:"standard"`
	Vetoed   bool `json:"vetoed"`
	// ReachDate is the first date on which the total is ≥ 120, or nil.
	ReachDate *Date       `json:"reach_date"`
	Timeline  []YearPoint `json:"timeline"`
	Paths     []Path      `json:"paths"`
	Assume    []string    `json:"assumptions"`
	Note      string      `json:"note,omitempty"`
	// Result is the evaluation at as_of.
	Result *Result `json:"-"`
}

// YearPoint is the projected total on one anniversary of as_of.
type YearPoint struct {
	Date            Date `json:"date"`
	Age             int  `json:"age"` // -1 when unknown
	Total           int  `json:"total"`
	AgePoints       int  `json:"age_points"`
	InsuranceYears  int  `json:"insurance_years"`
	InsurancePoints int  `json:"insurance_points"`
}

// Path is one practical single change and what it does.
type Path struct {
	ID     string `json:"id"`
	Change string `json:"change"` // what to do, in Chinese
	Detail string `json:"detail"` // what it involves and when it pays off
	// EffectiveFrom is the first date the change can count, assuming it
	// is made on as_of.
	EffectiveFrom Date `json:"effective_from"`
	// PointsGained is the total with the change minus without it, on
	// EffectiveFrom.
	PointsGained int  `json:"points_gained"`
	ReachDate    Date `json:"reach_date"`
}

// PlanAssumptions are the rules of the projection, in plain words.
var PlanAssumptions = []string{
	"假设在本市连续缴纳社保、不中断：以计算日期为起点，每满 1 年社保年限加 1 年（+3 分）。",
	"已填写的配偶婚龄、重点区域年限、公共服务领域年限同样每年加 1 年。",
	"年龄在生日当天增长（只填年龄时，按计算日期的周年增长），43 周岁以后年龄分逐年减少。",
	"社保缴费基数档次保持不变，社保年限够了之后开始计分；其他情况都不变。",
	"推算到 60 周岁为止；规则按现行办法计算，办法到期（2027-12-31）后可能调整。",
	"提高缴费基数须在近 48 个月中累计 36 个月（3 倍档：近 36 个月中 24 个月）达到，所以从现在开始最早 3 年（或 2 年）后计分。",
	"取得职称、技能等级或学历的路径，按“今天取得”计算；实际取得所需的时间见各项说明。",
}

// growth is a change applied from a date on, for the projection.
type growth struct {
	from    Date
	title   Title
	edu     Education
	tier    Tier
	titleOK bool
}

type planChange struct {
	id, change, detail string
	g                  growth
	group              string
}

// maxPlanYears bounds the projection when the age is unknown.
const maxPlanYears = 45

// Plan projects p from p.AsOf (today when zero): if nothing changes but
// time, when does the total first reach 120? Rules of the projection:
// Shanghai insurance is paid on without a break, so each anniversary of
// as_of adds a full insurance year; spouse_years, key_area_years and
// public_service_years that are above 0 grow the same way; age grows on
// the birthday (on the anniversary of as_of when only age is known); the
// base tier stays as it is and starts to count once the insurance years
// can support it; nothing else changes; the search stops when the person
// passes 60. Paths are practical single changes (a higher skill level or
// title, a degree, a higher base tier, which counts only after 36 months
// at that tier) that reach 120 sooner, each with its own reach date.
func Plan(p Profile) (PlanResult, error) {
	if p.AsOf.IsZero() {
		p.AsOf = Today()
	}
	res, err := Evaluate(p)
	if err != nil {
		return PlanResult{}, err
	}
	pr := PlanResult{AsOf: p.AsOf, Total: res.Total, Standard: Standard, Vetoed: res.Vetoed,
		Assume: PlanAssumptions, Paths: []Path{}, Result: &res}
	end := planEnd(&p)
	base := &growth{}
	for k := 0; ; k++ {
		d := p.AsOf.AddYears(k)
		if d.After(end) {
			break
		}
		age := ageAt(&p, d)
		agePts := 0
		if age >= 0 {
			agePts = AgePoints(age)
		}
		years := p.InsuranceYears + k
		pr.Timeline = append(pr.Timeline, YearPoint{Date: d, Age: age, Total: compute(&p, d, base, nil),
			AgePoints: agePts, InsuranceYears: years, InsurancePoints: InsurancePointsPerYear * years})
	}
	if res.Vetoed {
		pr.Note = "存在一票否决情形，不能申请积分。"
		return pr, nil
	}
	reach, ok := reachDate(&p, base, end, Date{})
	if res.Total >= Standard { // met now, even past the projection's end (over 60)
		reach, ok = p.AsOf, true
	}
	if ok {
		pr.ReachDate = &reach
		if reach == p.AsOf {
			pr.Note = "已达到 120 分标准分值。"
			return pr, nil
		}
	} else {
		pr.Note = "如果只是时间推移、其他情况不变，60 周岁前达不到 120 分。"
	}
	limit := Date{}
	if ok {
		limit = reach
	}
	for _, group := range planChanges(&p, &res) {
		best := limit
		for _, c := range group {
			g := c.g
			d, found := reachDate(&p, &g, end, best)
			if !found {
				continue
			}
			best = d
			gain := compute(&p, g.from, &g, nil) - compute(&p, g.from, base, nil)
			pr.Paths = append(pr.Paths, Path{ID: c.id, Change: c.change, Detail: c.detail,
				EffectiveFrom: g.from, PointsGained: gain, ReachDate: d})
		}
	}
	sort.SliceStable(pr.Paths, func(i, j int) bool {
		a, b := pr.Paths[i], pr.Paths[j]
		if a.ReachDate != b.ReachDate {
			return a.ReachDate.Before(b.ReachDate)
		}
		return a.PointsGained < b.PointsGained
	})
	return pr, nil
}

// planEnd is the last date of the projection: the day before the person
// turns 61, or maxPlanYears on when the age is unknown.
func planEnd(p *Profile) Date {
	switch {
	case !p.Birth.IsZero():
		return p.Birth.AddYears(AgeLastCounted + 1).prevDay()
	case p.Age > 0:
		return p.AsOf.AddYears(AgeLastCounted + 1 - p.Age).prevDay()
	}
	return p.AsOf.AddYears(maxPlanYears)
}

func (d Date) prevDay() Date {
	if d.Day > 1 {
		return Date{d.Year, d.Month, d.Day - 1}
	}
	m := d.AddMonths(-1)
	m.Day = daysIn(m.Year, m.Month)
	return m
}

// reachDate returns the first date ≥ as_of and ≤ end on which the total
// with g is ≥ 120, looking only before `before` when it is set. The total
// can only rise on an anniversary of as_of, on g.from and on the Lingang
// date, so those are the dates tried, in order.
func reachDate(p *Profile, g *growth, end, before Date) (Date, bool) {
	for k := 0; ; k++ {
		d, next := p.AsOf.AddYears(k), p.AsOf.AddYears(k+1)
		dates := [3]Date{d}
		n := 1
		for _, e := range [2]Date{g.from, LingangFirstYearFrom} {
			if e.After(d) && e.Before(next) {
				dates[n] = e
				n++
			}
		}
		if n == 3 && dates[2].Before(dates[1]) {
			dates[1], dates[2] = dates[2], dates[1]
		}
		for _, x := range dates[:n] {
			if x.After(end) || (!before.IsZero() && !x.Before(before)) {
				return Date{}, false
			}
			if compute(p, x, g, nil) >= Standard {
				return x, true
			}
		}
	}
}

// planChanges lists the candidate changes in groups (title, education,
// base condition, tier), each group from the smallest change up.
func planChanges(p *Profile, res *Result) [][]planChange {
	now := p.AsOf
	er := EducationRuleOf(p.Education)
	tr := TitleRuleOf(p.Title)
	counted := er.Points
	if !tr.NeedsBase || p.TitleBaseOK {
		counted = max(counted, tr.Points)
	}
	var groups [][]planChange

	// A higher skill level or title.
	var titles []planChange
	for _, lv := range titleLevels {
		if lv.points <= counted || lv.points <= tr.Points {
			continue
		}
		detail := lv.detail + "须与现工作岗位相符；外省市取得的证书须经本市复核认定。按今天取得计算。"
		if lv.needsBase {
			detail += "此等级还要求近 12 个月中至少 6 个月社保缴费基数≥上年度平均工资 1 倍。"
		}
		titles = append(titles, planChange{id: "title_" + string(lv.title), change: lv.change, detail: detail,
			g: growth{from: now, title: lv.title, titleOK: true}})
	}
	groups = append(groups, titles)

	// The base condition of a title already held.
	if tr.NeedsBase && !p.TitleBaseOK && tr.Points > er.Points {
		from := now.AddMonths(6)
		groups = append(groups, []planChange{{id: "title_base_ok",
			change: "让社保缴费基数达到上年度平均工资 1 倍以上并保持 6 个月",
			detail: "您的" + tr.Name + "要求近 12 个月中至少 6 个月缴费基数≥上年度平均工资 1 倍；从现在起按此缴纳，最早 " + from.Chinese() + " 起" + tr.Name + "可计 " + strconv.Itoa(tr.Points) + " 分。需与单位协商按实际工资申报基数。",
			g:      growth{from: from, titleOK: true}}})
	}

	// A degree.
	var edus []planChange
	for _, lv := range eduLevels {
		if EducationRuleOf(lv.edu).Points <= counted {
			continue
		}
		edus = append(edus, planChange{id: "education_" + string(lv.edu), change: lv.change,
			detail: lv.detail + "须为国家承认的学历学位（境外学历需留服认证）。按今天取得计算。",
			g:      growth{from: now, edu: lv.edu}})
	}
	groups = append(groups, edus)

	// A higher base tier, counted after the months it needs.
	cur := TierRuleOf(res.Tier)
	var tiers []planChange
	for _, t := range TierTable[1:] {
		if t.Points <= cur.Points {
			continue
		}
		from := now.AddMonths(t.Months)
		tiers = append(tiers, planChange{id: "base_tier_" + string(t.Value),
			change: "把社保缴费基数提高到上年度平均工资的 " + string(t.Value) + " 倍以上",
			detail: "须在近 " + strconv.Itoa(t.WindowMonths) + " 个月中累计 " + strconv.Itoa(t.Months) + " 个月按此基数缴纳，从现在开始最早 " + from.Chinese() + " 起计 " + strconv.Itoa(t.Points) + " 分。基数按实际工资申报，个人和单位的缴费都会增加；需与单位协商。",
			g:      growth{from: from, tier: t.Value}})
	}
	groups = append(groups, tiers)
	return groups
}

type titleLevel struct {
	title     Title
	points    int
	needsBase bool
	change    string
	detail    string
}

// titleLevels are the title steps a plan suggests, one per points level.
var titleLevels = []titleLevel{
	{TitleSkill5, 15, false, "取得技能五级（初级工）证书", "通过职业技能等级认定取得证书，通常数周到数月。"},
	{TitleSkill4, 30, false, "取得技能四级（中级工）证书", "通过职业技能等级认定取得证书，通常需相关工作年限。"},
	{TitleSkill3, 60, false, "取得技能三级（高级工）证书", "通过职业技能等级认定取得证书，通常需相关工作年限。"},
	{TitleIntermediate, 100, true, "取得中级职称或技能二级（技师）", "通过职称评审或考试、或技师等级认定取得，并由单位聘任。"},
	{TitleSenior, 140, true, "取得高级职称或技能一级（高级技师）", "通过高级职称评审、或高级技师等级认定取得，并由单位聘任。"},
}

type eduLevel struct {
	edu    Education
	change string
	detail string
}

// eduLevels are the degrees a plan suggests.
var eduLevels = []eduLevel{
	{EduCollege, "取得大专学历", "成人高考、开放大学等在职途径通常需 2.5 年以上。"},
	{EduBachelorDegree, "取得本科学历和学士学位", "专升本等在职途径通常需 2.5 年以上，学士学位另有成绩和外语要求。"},
	{EduMaster, "取得硕士研究生学历和学位", "全日制或非全日制硕士通常需 2-3 年。"},
}
