package score

import "strconv"

// RuleRow is one line of the rules page: an indicator, its points, the
// document it comes from and how sure the rule is.
type RuleRow struct {
	Group  string // 基础指标, 加分指标, 减分指标, 一票否决
	Name   string
	Rule   string
	Source string // the document the rule comes from
	Conf   Confidence
}

// RuleTable lists every indicator in the words of the regulation, built
// from the constants and tables of rules.go, so that it cannot drift from
// what Evaluate computes.
func RuleTable() []RuleRow {
	n := strconv.Itoa
	const pts = "积分管理办法（沪府规〔2022〕21号，沿用沪府发〔2017〕98号指标）"
	row := func(g, name, rule string, c Confidence) RuleRow { return RuleRow{g, name, rule, pts, c} }
	var edu, title, tier, award string
	for _, r := range EducationTable[1:] {
		edu += r.Name + " " + n(r.Points) + "；"
	}
	for _, r := range TitleTable[2:] {
		title += r.Name + " " + n(r.Points) + "；"
	}
	for _, r := range TierTable[1:] {
		tier += r.Name + " " + n(r.Points) + "（近 " + n(r.WindowMonths) + " 个月中 " + n(r.Months) + " 个月）；"
	}
	for _, r := range AwardTable[1:] {
		award += r.Name + " " + n(r.Points) + "；"
	}
	const basic, bonus, minus, veto = "基础指标", "加分指标", "减分指标", "一票否决"
	return []RuleRow{
		row(basic, "年龄", "按周岁：43 岁及以下 30 分；44 岁 29 分，之后每长 1 岁少 2 分；56-60 岁 5 分；60 岁以上 0 分", AgeConfidence),
		row(basic, "教育背景", edu+"大专以下 0 分；须为国家承认的学历", EducationConfidence),
		row(basic, "职称和技能等级", title+"初级职称 0 分", TitleConfidence),
		row(basic, "学历与职称", "只计较高的一项", High),
		row(basic, "职称的社保基数条件", "中级/高级职称、技能二级/一级：近 12 个月中至少 6 个月社保缴费基数≥上年度平均工资 1 倍，否则计 0 分", TitleBaseCondConfidence),
		row(basic, "社保缴纳年限", "每满 1 年 "+n(InsurancePointsPerYear)+" 分，不设上限；补缴不算；中断是否重算有争议", InsuranceNoCapConf),
		row(bonus, "社保缴费基数", tier+"只计最高一档", TierConfidence),
		row(bonus, "紧缺急需专业", n(ShortageMajorPoints)+" 分；须全日制学历（多个来源）", ShortageFullTimeConfidence),
		{bonus, "投资纳税或带动就业", "近 3 年个人出资部分年均纳税每满 10 万元，或年均聘用本市户籍人员每满 10 人，10 分；取较高者；上限 " + n(InvestCap) + " 分", pts + "；上限：2013 年试行办法为 100 分，较新来源为 120 分", InvestmentConfidence},
		row(bonus, "特定公共服务领域", "每满 1 年 "+n(PublicServicePointsPerYear)+" 分，满 5 年后计入；未见上限", PublicServiceConfidence),
		row(bonus, "远郊重点区域", "每满 1 年 2 分，上限 "+n(KeyAreaCap)+" 分，满 5 年后计入", KeyAreaConfidence),
		{bonus, "临港新片区", "满 3 年后计入；2024-08-21 起第一年即计入", SrcLingang, LingangConfidence},
		row(bonus, "全日制应届高校毕业生", n(FreshGraduatePoints)+" 分", FreshGraduateConfidence),
		row(bonus, "表彰奖励", award+"须在本市公布的目录内", AwardConfidence),
		row(bonus, "配偶为本市户籍", "婚龄每满 1 年 "+n(SpousePointsPerYear)+" 分，上限 "+n(SpouseCap)+" 分", SpouseConfidence),
		row(bonus, "创业人才", n(StartupTalentPoints)+" 分：在本市孵化器孵化满 6 个月的企业持股≥5%", StartupTalentConfidence),
		row(bonus, "创新创业中介服务人才", n(TechTransferPoints)+" 分：在本市登记的技术转移机构连续工作满 6 个月", TechTransferConfidence),
		row(minus, "提供虚假材料", "近 3 年，每次 "+n(FalseMaterialPoints)+" 分", DeductionConfidence),
		row(minus, "行政拘留", "近 5 年，每次 "+n(DetentionPoints)+" 分", DeductionConfidence),
		row(minus, "一般刑事犯罪", "近 5 年，每次 "+n(CriminalPoints)+" 分", DeductionConfidence),
		row(veto, "严重刑事犯罪", "不能申请积分", SeriousCrimeConfidence),
		{veto, "违反计划生育政策", "可能适用", "沪府发〔2017〕98号列为一票否决；2024-2025 年的清单未再列出", FamilyPlanningConfidence},
	}
}

// OpenQuestions are what the sources leave open; the product says so.
var OpenQuestions = []string{
	"沪府规〔2022〕21号的确切条文及与 2017 年办法的差异；",
	"投资纳税加分上限是 100 分还是 120 分（本计算器按 120 分）；",
	"特定公共服务领域加分的上限（未找到，按不设上限）；",
	"社保中断后是否重新计算缴纳年限；",
	"年龄按哪一天计算（本计算器按计算日期，默认今天）；",
	"每年 7 月平均工资更替前后的月份用哪一年的数字；",
	"违反计划生育政策是否仍为一票否决；",
	"应届毕业生加分在毕业后多久内可以申请；",
	"非全日制学历（自考、成人、网络）是否只认可在上海或户籍省份取得的；",
	"紧缺急需专业和应届生加分在非全日制学历下能否申请。",
}
