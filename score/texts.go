package score

import "time"

// Text builders for the UI: every sentence that states a rule number is
// built here, or beside its indicator, from the values in force on a date.
// None of them says "以区人才服务中心核定为准": the UI says that once per page.

// RuleRow is one line of the rules page.
type RuleRow struct {
	ID         string
	Name       string
	Points     string // the points, in words
	Conditions string // what must hold, "" when nothing more
	Confidence Confidence
	Dispute    string // one line, below high confidence
}

// RuleSection is one group of the regulation (基础指标, 加分指标, 减分指标,
// 一票否决) with its rows and the sources of its values, listed once.
type RuleSection struct {
	Group   string // GroupBasic, GroupBonus, GroupDeduction or GroupVeto
	Title   string
	Rows    []RuleRow
	Sources []string
}

// ruleWriter builds rule rows, tracking what each row reads.
type ruleWriter struct {
	reader
	sec *RuleSection
}

// row writes the row of an indicator.
func (w *ruleWriter) row(ind *Indicator, points, cond string) {
	w.rowAs(string(ind.ID), ind.Name, points, cond)
}

// rowAs writes a row of its own: a condition or a case of an indicator.
func (w *ruleWriter) rowAs(id, name, points, cond string) {
	for _, s := range w.srcs {
		if !has(w.sec.Sources, s) {
			w.sec.Sources = append(w.sec.Sources, s)
		}
	}
	c, d := w.take()
	w.sec.Rows = append(w.sec.Rows, RuleRow{ID: id, Name: name, Points: points, Conditions: cond, Confidence: c, Dispute: d})
}

var groupTitles = [...]struct{ group, title string }{
	{GroupBasic, "基础指标"}, {GroupBonus, "加分指标"}, {GroupDeduction, "减分指标"}, {GroupVeto, "一票否决"},
}

// RuleSections lists every indicator as the regulation groups them, with
// the values in force on d.
func RuleSections(d Date) []RuleSection {
	secs := make([]RuleSection, 0, len(groupTitles))
	for _, g := range groupTitles {
		sec := RuleSection{Group: g.group, Title: g.title}
		w := ruleWriter{reader: reader{d: d, track: true, srcsToo: true}, sec: &sec}
		for _, m := range modules {
			if m.group == g.group {
				m.rules(&w)
			}
		}
		secs = append(secs, sec)
	}
	return secs
}

// RulesIntro is the rules page's first paragraph on d: the standard, the
// formula and the regulation's period.
func RulesIntro(d Date) string {
	r := reader{d: d}
	return r.fs("标准分值 {standard} 分。总分 = 年龄 + 学历与职称中较高者 + 社保年限 + 加分 − 减分；同一指标只计最高一项，减分累计。现行积分办法有效期为 {a}；规则核对于 {b}。",
		[]string{regPeriodText(), RulesCheckedOn.Chinese()})
}

// FieldHelp is the one-line help of a profile key on the calculator, with
// the rule's numbers in force on d; "" for an unknown key.
func FieldHelp(key string, d Date) string {
	r := reader{d: d}
	switch key {
	case "as_of":
		return "默认今天。年龄、上年度平均工资和规则的有效期都按这一天计算；现行积分办法有效期为 " + regPeriodText() + "。"
	case "retire_group":
		return retireHelp(&r)
	case "children":
		return childrenHelp(&r)
	}
	for _, m := range modules {
		if has(m.keys, key) {
			return m.help(key, &r)
		}
	}
	return ""
}

// EducationChoices are the education levels, highest first, with their
// points on d.
func EducationChoices(d Date) []Choice {
	cs := make([]Choice, 0, len(EducationTable))
	for i := len(EducationTable) - 1; i >= 0; i-- {
		e := EducationTable[i]
		v := string(e.Value)
		if v == "" {
			v = "none"
		}
		pts := e.PointsAt(d)
		cs = append(cs, Choice{Value: v, Label: e.Name, Points: pts, Note: itoa(pts) + " 分"})
	}
	return cs
}

// TitleChoices are the titles and skill levels, highest first (then
// 没有), with their points on d and whether the base condition applies.
func TitleChoices(d Date) []Choice {
	r := reader{d: d}
	cs := make([]Choice, 0, len(TitleTable))
	for i := len(TitleTable) - 1; i >= 1; i-- {
		t := TitleTable[i]
		pts := r.pts(t.points)
		c := Choice{Value: string(t.Value), Label: t.Name, Points: pts, Note: itoa(pts) + " 分"}
		if t.NeedsBase {
			c.Note += "，须满足职称基数条件（" + baseCondText(&r) + "）"
		}
		cs = append(cs, c)
	}
	return append(cs, Choice{Value: "none", Label: "没有", Note: "0 分"})
}

// Legend is the text of the plan chart's legend and labels.
type Legend struct {
	Total     string // "总分"
	Insurance string // "社保年限分（每年 +3 分）"
	Age       string // "年龄分（43 周岁后减少）"
	Standard  string // "120 分标准分值"
	Line      string // the standard line's label: "120 分"
}

// ChartLegend is the plan chart's legend with the values in force on d.
func ChartLegend(d Date) Legend {
	r := reader{d: d}
	return Legend{Total: "总分", Insurance: r.f("社保年限分（每年 +{insurance.per_year} 分）"),
		Age: r.f("年龄分（{0} 周岁后减少）", readAge(&r).fullUntil()), Standard: r.f("{standard} 分标准分值"), Line: r.f("{standard} 分")}
}

// OpenQuestions are what the sources leave open on d, one sentence each.
func OpenQuestions(d Date) []string {
	r := reader{d: d}
	w := WageAt(d)
	qs := make([]string, 0, 15)
	qs = append(qs, "沪府规〔2022〕21号的确切条文，以及与 2017 年办法的差异。",
		r.f("投资纳税加分的上限（2013 年试行办法为 {investment.cap_trial} 分，较新来源为 120 分；本计算器按 {investment.cap} 分）。"),
		"特定公共服务领域加分的上限（未找到，本计算器按不设上限）。",
		"社保中断后是否重新计算社保年限。",
		"年龄按哪一天计算（本计算器按计算日期，默认今天）。",
		r.f("每年 {0} 月平均工资更替前后的月份用哪一年的数字。", int(w.From.Month)),
		"违反计划生育政策是否仍为一票否决（"+familyPlanningApplied(&r)+"）。",
		r.f("临港新片区的年限是否自 2024 年 8 月 21 日起第一年即计入（有报道，未见来源证实；本计算器按满 {key_area.lingang.min_years} 年）。"),
		"应届毕业生加分在毕业后多久内可以申请。",
		"非全日制学历（自考、成人、网络教育）是否只认可在上海或户籍所在省份取得的（未经核实，不影响计分）。",
		"紧缺急需专业和应届毕业生加分在非全日制学历下能否申请（本计算器不计分）。",
		r.f("行政拘留、一般刑事犯罪的减分按近几年计算（有一个计算器按 3 年，其他按 5 年；本计算器按 {detention.years} 年）。"),
		"经单位同意协议推迟退休、已过法定退休年龄的人能否申请积分（未见来源证实）。",
		r.f("孩子中考、高考报名时须持有积分通知书的确切时间（未找到原文；本计算器按考试前一年 {children.registration_month} 月，从达到 {standard} 分到拿到通知书约 {children.processing_months} 个月）。"))
	if !w.Missing.IsZero() {
		qs = append(qs, missingText(&r, w.Missing)+"。")
	}
	return qs
}

// regPeriodText is the period of the points regulation: "2023 年 1 月 1 日至
// 2027 年 12 月 31 日".
func regPeriodText() string { return rulesPeriod.From.Chinese() + "至 " + rulesPeriod.To.Chinese() }

// StandardUses says what the standard score gives, on d (沪府令58号 arts.
// 28-29, rules.md).
func StandardUses(d Date) string {
	r := reader{d: d}
	return r.fs("达到 {standard} 分后，同住子女可以在上海参加中考、高考，配偶和子女可以参加本市社会保险（{a}第 28-29 条）。"+
		"积分达到 {standard} 分（或持居住证满 {permit.property_tax_years} 年）的家庭，新购的唯一住房可以免征房产税。", []string{SrcPermitRules})
}

// PlanningRules are the rules the plan uses and the points do not: the
// retirement ages and the children's exams, with the values in force on
// d, as one section of the rules page.
func PlanningRules(d Date) RuleSection {
	sec := RuleSection{Group: "plan", Title: "规划用的规则（不影响积分）"}
	w := ruleWriter{reader: reader{d: d, track: true, srcsToo: true}, sec: &sec}
	w.rowAs("retirement", "法定退休年龄", retireHelp(&w.reader), "规划推算到退休前为止；退休后不能再以职工身份参保，不能申请积分")
	t := readExams(&w.reader)
	w.rowAs("school_entry", "孩子入学",
		w.f("{0} 月 {1} 日前满 {children.school_age} 周岁，当年 {children.school_month} 月上小学；之后出生的晚一年", t.cutoff, daysIn(2001, time.Month(t.cutoff))),
		w.f("小学 {children.primary_years} 年、初中 {children.junior_years} 年"))
	w.rowAs("exams", "中考、高考",
		w.f("入学后第 {0} 年 {children.exam_month} 月中考，再过 {children.senior_years} 年高考", t.primary+t.junior),
		"孩子须在上海读完初中才能参加中考；高考还须在上海参加中考并读完高中")
	w.rowAs("exam_deadline", "报名时须有积分通知书",
		w.f("按考试前一年 {children.registration_month} 月计；从达到 {standard} 分到拿到积分通知书约 {children.processing_months} 个月，所以最晚要在报名前 {children.processing_months} 个月达到"),
		w.f("余量不足 {children.tight_months} 个月算“时间很紧”；没有 {standard} 分时，只能报考中等职业学校"))
	return sec
}
