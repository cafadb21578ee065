package score

// The plan's paths: single changes a person could make, each from the
// earliest realistic month (rules.md "Planning the way to 120", the table
// of lead times). A path never leads to what the person already has or
// exceeds.

// Lead times, in months.
var (
	leadDegree = param{"plan.lead.degree", []value{{&planPeriod, 30, Medium, "常见用时，因学校和个人而异"}}}           // 大专, 专升本 (part-time)
	leadMaster = param{"plan.lead.master", []value{{&planPeriod, 30, Medium, "常见用时，因学校和个人而异"}}}           // 硕士 (part-time)
	leadDoctor = param{"plan.lead.doctor", []value{{&planPeriod, 36, Low, "用时差别很大，只是粗略估计"}}}              // 博士
	leadSkill  = param{"plan.lead.skill_level", []value{{&planPeriod, 6, Low, "认定时间和报考年限要求各不相同，只是粗略估计"}}} // one skill level up
	leadTitle  = param{"plan.lead.title", []value{{&planPeriod, 12, Low, "职称评审每年一次，且须取得学历后工作满一定年限，只是粗略估计"}}}
)

type planChange struct {
	id, change, detail string
	g                  growth
	conf               Confidence
	dispute            string
}

// step is one change a plan may suggest. Steps of a group form a ladder,
// taken one after the other: a step's lead time adds to those below it.
// In the texts, {a} is the level's name, {b} the base condition, {c} the
// tier's months, {0} the step's lead time, {1} its points, {2} its
// multiple of the wage.
type step struct {
	group          int
	title          Title
	edu            Education
	tier           Tier
	lead           *param // months per step; nil: the tier's own months
	change, detail string
}

// The plan's groups of steps.
const (
	gSkill = iota
	gTitle
	gBase
	gEdu
	gTier
	gCount
)

const (
	skillChange  = "取得{a}证书"
	skillDetail  = "通过职业技能等级认定取得，每升一级约 {0:y}；证书须与现工作岗位相符。"
	titleDetail  = "通过职称评审或考试取得并由单位聘任；评审每年一次，通常须取得学历后工作满一定年限；职称须与现工作岗位相符。"
	degreeDetail = "通常约需 {0:y}；须为国家承认的学历学位（境外学历需留服认证）。"
	tierChange   = "把社保缴费基数提高到上年度平均工资的 {2:m} 倍以上"
	topChange    = "把社保缴费基数提高到缴费上限（上年度平均工资的 {2:m} 倍）"
	tierDetail   = "须{c}按此基数缴纳，计 {1} 分；基数按实际工资申报，个人和单位的缴费都会增加，需与单位协商。"
)

var steps = []step{
	{gSkill, TitleSkill5, "", "", &leadSkill, skillChange, skillDetail},
	{gSkill, TitleSkill4, "", "", &leadSkill, skillChange, skillDetail},
	{gSkill, TitleSkill3, "", "", &leadSkill, skillChange, skillDetail},
	{gSkill, TitleSkill2, "", "", &leadSkill, skillChange, skillDetail},
	{gSkill, TitleSkill1, "", "", &leadSkill, skillChange, skillDetail},
	{gTitle, TitleIntermediate, "", "", &leadTitle, "取得{a}", titleDetail},
	{gTitle, TitleSenior, "", "", &leadTitle, "取得{a}", titleDetail},
	{gEdu, "", EduCollege, "", &leadDegree, "取得大专学历", "成人高考、开放大学等在职途径" + degreeDetail},
	{gEdu, "", EduBachelorDegree, "", &leadDegree, "取得本科学历和学士学位（专升本）", "在职专升本，学士学位另有成绩和外语要求；" + degreeDetail},
	{gEdu, "", EduMaster, "", &leadMaster, "取得硕士研究生学历和学位", "非全日制硕士" + degreeDetail},
	{gEdu, "", EduDoctor, "", &leadDoctor, "取得博士研究生学历和学位", "博士" + degreeDetail},
	{gTier, "", "", Tier08, nil, tierChange, tierDetail},
	{gTier, "", "", Tier1, nil, tierChange, tierDetail},
	{gTier, "", "", Tier2, nil, tierChange, tierDetail},
	{gTier, "", "", Tier3, nil, topChange, tierDetail},
}

// leadTimesText lists the lead times: "技能等级每升一级约 6 个月，…".
func leadTimesText(r *reader) string {
	return r.f("技能等级每升一级约 {plan.lead.skill_level:y}，中级或高级职称约 {plan.lead.title:y}（还须满足职称基数条件），大专、专升本约 {plan.lead.degree:y}，" +
		"在职硕士约 {plan.lead.master:y}，博士约 {plan.lead.doctor:y}，提高缴费基数 {base_tier.months:y}（{base_tier.3.multiple:m} 倍档 {base_tier.3.months:y}）")
}

// planChanges lists the candidate changes of p in groups (skill levels,
// titles, the base condition, degrees, tiers), each group from the
// smallest change up. A step to what p already has or exceeds is left out.
func planChanges(p *Profile, res *Result) [gCount][]planChange {
	now := p.AsOf
	r := reader{d: now, track: true}
	var e eval
	e.init(p, now, nil)
	tr := TitleRuleOf(p.Title)
	held := [gCount]int{gSkill: r.pts(tr.points), gTitle: r.pts(tr.points), gEdu: r.pts(EducationRuleOf(p.Education).points),
		gTier: r.pts(TierRuleOf(res.Tier).points)}
	baseOK, _ := titleBase(&e)
	counted := held[gEdu]
	if !tr.NeedsBase || baseOK {
		counted = max(counted, held[gTitle])
	}
	baseMonths := r.n(&titleBaseMonths)
	cond := baseCondText(&r)
	r.take()
	var groups [gCount][]planChange
	add := func(g int, id string, months int, gr growth, strs []string, change, detail string, nums ...int) {
		gr.from = now.AddMonths(months)
		change, detail = r.fs(change, strs, nums...), r.fs(detail, strs, nums...)
		c, d := r.take()
		groups[g] = append(groups[g], planChange{id: id, change: change, g: gr, conf: c, dispute: d,
			detail: detail + "从现在起最早 " + gr.from.MonthChinese() + "起计分（估计）。"})
	}
	var wait [gCount]int // the ladder's lead time so far
	for _, st := range steps {
		var id, name, months string
		var pts, mult int
		gr := growth{title: st.title, edu: st.edu, tier: st.tier}
		needsBase := false
		switch {
		case st.title != TitleNone:
			row := TitleRuleOf(st.title)
			id, name, pts, needsBase = "title_"+string(st.title), row.Name, r.pts(row.points), row.NeedsBase
		case st.edu != EduNone:
			id, pts = "education_"+string(st.edu), r.pts(EducationRuleOf(st.edu).points)
			if p.Education == EduBachelor && st.edu == EduBachelorDegree {
				pts = 0 // a degree comes with the diploma, not later
			}
		default:
			t := TierRuleOf(st.tier)
			id, pts, mult, months = "base_tier_"+string(st.tier), r.pts(t.points), int(t.mult(&r)), t.monthsText(&r)
		}
		if pts <= held[st.group] {
			r.take()
			continue
		}
		lead := 0
		if st.lead != nil {
			lead = r.n(st.lead)
			wait[st.group] += lead
		} else {
			wait[st.group] = r.n(TierRuleOf(st.tier).months)
		}
		at, change, detail := wait[st.group], st.change, st.detail
		if needsBase {
			gr.titleOK = Yes
			detail += "此等级还须{b}。"
			if !baseOK {
				// not met today: the change is both, and takes longer
				at += baseMonths
				change += "，并满足职称基数条件"
			}
		}
		if pts > counted || st.group == gTier {
			add(st.group, id, at, gr, []string{name, cond, months}, change, detail, lead, pts, mult)
		}
		r.take()
	}
	// The base condition of a title already held.
	if tr.NeedsBase && !baseOK && held[gTitle] > held[gEdu] {
		r.n(&titleBaseMonths)
		add(gBase, "title_base_ok", baseMonths, growth{titleOK: Yes}, []string{tr.Name, cond},
			"让社保缴费基数达到上年度平均工资，并保持 {0} 个月",
			"您的{a}须{b}，满足后计 {1} 分。如果已经满足，请在“职称基数条件”选“是”；否则需与单位协商按实际工资申报基数，", baseMonths, held[gTitle])
	}
	return groups
}

func init() {
	registerParams(&planStopAge, &leadDegree, &leadMaster, &leadDoctor, &leadSkill, &leadTitle)
}
