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

// skillLadder and eduLadder are the steps a plan suggests, lowest first.
var (
	skillLadder = []Title{TitleSkill5, TitleSkill4, TitleSkill3, TitleSkill2, TitleSkill1}
	eduLadder   = []struct {
		edu            Education
		lead           *param
		change, detail string
	}{
		{EduCollege, &leadDegree, "取得大专学历", "成人高考、开放大学等在职途径"},
		{EduBachelorDegree, &leadDegree, "取得本科学历和学士学位（专升本）", "在职专升本，学士学位另有成绩和外语要求"},
		{EduMaster, &leadMaster, "取得硕士研究生学历和学位", "非全日制硕士"},
		{EduDoctor, &leadDoctor, "取得博士研究生学历和学位", "博士"},
	}
)

// leadTimesText lists the lead times: "技能等级每升一级约 6 个月，…".
func leadTimesText(r *reader) string {
	return "技能等级每升一级约 " + monthsText(r.n(&leadSkill)) + "，中级或高级职称约 " + monthsText(r.n(&leadTitle)) +
		"（还须满足职称基数条件），大专、专升本约 " + monthsText(r.n(&leadDegree)) + "，在职硕士约 " + monthsText(r.n(&leadMaster)) + "，博士约 " + monthsText(r.n(&leadDoctor)) +
		"，提高缴费基数 " + monthsText(r.n(&tierMonths)) + "（" + multText(r.n(&tier3Mult)) + " 倍档 " + monthsText(r.n(&tier3Months)) + "）"
}

// planChanges lists the candidate changes of p in groups (skill levels,
// titles, the base condition, degrees, tiers), each group from the
// smallest change up.
func planChanges(p *Profile, res *Result) [][]planChange {
	now := p.AsOf
	r := reader{d: now, track: true}
	var e eval
	e.init(p, now, nil)
	er, tr := EducationRuleOf(p.Education), TitleRuleOf(p.Title)
	eduPts, titleRaw := r.pts(er.points), r.pts(tr.points)
	baseOK, _ := titleBase(&e)
	counted := eduPts
	if !tr.NeedsBase || baseOK {
		counted = max(counted, titleRaw)
	}
	r.take()
	baseMonths := r.n(&titleBaseMonths)
	cond := baseCondText(&r)
	r.take()
	// extra is the wait for the base condition of a new level that needs
	// it: none when it holds (or is inferred from the tier), else its
	// months at ≥1× from now on.
	extra := 0
	if !baseOK {
		extra = baseMonths
	}
	path := func(id, change, detail string, months int, g growth) planChange {
		g.from = now.AddMonths(months)
		c, d := r.take()
		return planChange{id: id, change: change, g: g, conf: c, dispute: d,
			detail: detail + "从现在起最早 " + g.from.MonthChinese() + "起计分（估计）。"}
	}
	var groups [][]planChange

	// Skill levels, one level after the other.
	var skills []planChange
	step := 0
	for _, t := range skillLadder {
		row := TitleRuleOf(t)
		pts := r.pts(row.points)
		if pts <= titleRaw {
			continue
		}
		step++
		months := step * r.n(&leadSkill)
		detail := "通过职业技能等级认定取得，每升一级约 " + monthsText(r.n(&leadSkill)) + "；证书须与现工作岗位相符。"
		g := growth{title: t}
		if row.NeedsBase {
			months += extra
			g.titleOK = Yes
			detail += "此等级还须" + cond + "。"
		}
		if pts > counted {
			skills = append(skills, path("title_"+string(t), "取得"+row.Name+"证书", detail, months, g))
		}
		r.take()
	}
	groups = append(groups, skills)

	// Titles: 中级职称, then 高级职称, one review a year.
	var titles []planChange
	reviews := 0
	for _, t := range []Title{TitleIntermediate, TitleSenior} {
		row := TitleRuleOf(t)
		pts := r.pts(row.points)
		if pts <= titleRaw {
			continue
		}
		reviews++
		months := reviews*r.n(&leadTitle) + extra
		detail := "通过职称评审或考试取得并由单位聘任；评审每年一次，通常须取得学历后工作满一定年限；职称须与现工作岗位相符。此等级还须" + cond + "。"
		if pts > counted {
			titles = append(titles, path("title_"+string(t), "取得"+row.Name, detail, months, growth{title: t, titleOK: Yes}))
		}
		r.take()
	}
	groups = append(groups, titles)

	// The base condition of a title already held.
	if tr.NeedsBase && !baseOK && titleRaw > eduPts {
		r.n(&titleBaseMonths)
		groups = append(groups, []planChange{path("title_base_ok", "让社保缴费基数达到上年度平均工资，并保持 "+itoa(baseMonths)+" 个月",
			"您的"+tr.Name+"须"+cond+"，满足后计 "+itoa(titleRaw)+" 分。如果已经满足，请在“职称基数条件”选“是”；否则需与单位协商按实际工资申报基数，",
			baseMonths, growth{titleOK: Yes})})
	}

	// Degrees, one after the other.
	var edus []planChange
	months := 0
	for _, lv := range eduLadder {
		pts := r.pts(EducationRuleOf(lv.edu).points)
		if pts <= eduPts || (p.Education == EduBachelor && lv.edu == EduBachelorDegree) {
			continue
		}
		lead := r.n(lv.lead)
		months += lead
		if pts > counted {
			edus = append(edus, path("education_"+string(lv.edu), lv.change,
				lv.detail+"通常约需 "+monthsText(lead)+"；须为国家承认的学历学位（境外学历需留服认证）。", months, growth{edu: lv.edu}))
		}
		r.take()
	}
	groups = append(groups, edus)

	// A higher base tier, counted after the months it needs.
	cur := r.pts(TierRuleOf(res.Tier).points)
	var tiers []planChange
	for _, t := range TierTable[1:] {
		pts := r.n(t.points)
		if pts <= cur {
			r.take()
			continue
		}
		tiers = append(tiers, path("base_tier_"+string(t.Value), "把社保缴费基数提高到上年度平均工资的 "+multText(r.n(t.multiple))+" 倍以上",
			"须"+t.monthsText(&r)+"按此基数缴纳，计 "+itoa(pts)+" 分；基数按实际工资申报，个人和单位的缴费都会增加，需与单位协商。",
			r.n(t.months), growth{tier: t.Value}))
	}
	return append(groups, tiers)
}
