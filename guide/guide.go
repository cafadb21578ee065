// Package guide is the application process of ../shared/rules.md: who can
// apply and the one verdict of the guide page, the steps in order, what
// comes after the first points notice, the pre-application self-check, the
// materials checklist built from a person's own profile and answers, the
// official entry points, and the calendar reminders. It has no UI import;
// the web app renders it. No text here says "以区人才服务中心核定为准": the
// page says it once.
package guide

import (
	"strconv"

	"jifen/score"
)

// The guide's texts are templates of the rule book's values: a number is
// written as its param ({permit.wait_days}, {base_tier.window}) and filled
// by score.Format with the values in force on the evaluation date, never
// retyped here (rules.md "Who can apply", "The process", "Materials").

// n writes an integer for a sentence.
func n(i int) string { return strconv.Itoa(i) }

// Condition is one eligibility condition (约束条件) the person confirms.
type Condition struct {
	ID    string
	Text  string // the condition, as a question answered yes
	Short string // a few words, for the verdict's list
	Fix   string // what to do when it is not met
}

// Conditions are the constraints of the implementing rules (实施细则 art. 2)
// with the values in force on d.
func Conditions(d score.Date) []Condition {
	cs := make([]Condition, len(conditions))
	for i, c := range conditions {
		cs[i] = Condition{c.ID, score.Format(d, c.Text), score.Format(d, c.Short), score.Format(d, c.Fix)}
	}
	return cs
}

var conditions = []Condition{
	{"permit", "持有有效的上海居住证，且领证已满 {permit.wait_days} 天", "居住证领证满 {permit.wait_days} 天",
		"先办理上海居住证：在沪登记居住满 {permit.residence_months} 个月，并有稳定就业、稳定住所或连续就读；领证 {permit.wait_days} 天后才能建积分账户。"},
	{"employed", "目前在上海的单位就业，本月正常缴纳职工社保", "本月在沪就业并缴纳社保",
		"积分只能由在沪用人单位申请，须在申请当月在职并缴纳社保。"},
	{"insured6", "近 {apply.insured_window} 个月中至少 {apply.insured_months} 个月在上海缴纳职工社保（补缴不算）", "近 {apply.insured_window} 个月社保满 {apply.insured_months} 个月",
		"继续在上海连续缴纳社保，满 {apply.insured_months} 个月后再申请。"},
	{"contract", "劳动合同期限 {apply.contract_years} 年及以上，且剩余至少 {apply.contract_left_months} 个月", "合同 {apply.contract_years} 年以上、剩余 {apply.contract_left_months} 个月以上",
		"请单位签订 {apply.contract_years} 年及以上的劳动合同（派遣人员为派遣协议）。"},
	{"same", "社保缴纳单位、劳动合同单位、个税扣缴单位是同一家", "社保、合同、个税是同一单位",
		"三者须为同一单位；不一致时先与单位理顺社保、合同和个税。"},
	{"not_self", "不是个体工商户或自由职业（须由单位申请）", "由单位申请（非个体）",
		"个人和个体工商户不能申请，需由用人单位申请。"},
}

// Step is one step of the application, in order.
type Step struct {
	Who   string // 本人, 单位 or 区人才服务中心
	What  string
	Where string
	Time  string // how long it usually takes
}

// Steps is the process of rules.md, in order, with the values in force on
// d.
func Steps(d score.Date) []Step {
	ss := make([]Step, len(steps))
	for i, s := range steps {
		ss[i] = Step{s.Who, score.Format(d, s.What), s.Where, score.Format(d, s.Time)}
	}
	return ss
}

var steps = []Step{
	{"本人", "办理上海居住证：在沪登记居住满 {permit.residence_months} 个月，并有稳定就业、稳定住所或连续就读。", "社区事务受理服务中心 / 派出所", "视受理部门而定"},
	{"本人", "先自己模拟打分（本计算器，或上海人社网站的模拟打分），达到 {standard} 分再申请。", "本网站或上海人社网站", "几分钟"},
	{"本人", "向单位人事提出申请；个人和个体工商户不能自己申请。领取居住证满 {permit.wait_days} 天后才能建账户。", "所在单位人事部门", "视单位而定"},
	{"单位", "首次办理的单位先注册：一网通办法人账户登录、填写单位信息，再带材料到注册地所在区人才服务中心现场核验。", "一网通办；区人才服务中心", "核验当场或数个工作日"},
	{"单位", "为申请人建立积分账户（申请人会收到个人登录信息），在线填写《上海市居住证积分申请表》。", "上海人力资源社会保障网 → 人社服务 → 积分管理", "1-2 天"},
	{"单位", "在线审核提交，再把纸质材料送到单位注册地所在区的人才服务中心（不能跨区）。", "注册地所在区人才服务中心", "预约当天办完"},
	{"区人才服务中心", "窗口查验材料是否齐全（缺什么当场告知），调档案、核验学历学位；网上状态变为“已核实”。", "区人才服务中心", "约 {process.review_workdays} 个工作日"},
	{"区人社局", "区人力资源和社会保障局评分，结果以短信通知。", "区人力资源和社会保障局", "{process.review_workdays} 个工作日内；受理后全程约 {process.total_tenth_months:t} 个月"},
	{"本人", "打印积分通知书。", "网上、区人才服务中心或自助机（凭身份证）", "几分钟"},
	{"单位", "每年居住证签注时确认积分（到期前 {renewal.confirm_months} 个月内）；换工作、添加同住家属等变化由单位申报变更。", "上海人社网站 → 积分管理", "每年一次"},
}

// dayText writes a day as "2026 年 11 月 28 日".
func dayText(d score.Date) string {
	return monthText(d) + " " + n(d.Day) + " 日"
}

// monthText writes a month as "2027 年 11 月".
func monthText(d score.Date) string {
	return n(d.Year) + " 年 " + n(int(d.Month)) + " 月"
}

// EmployerFirst is what a company applying for the first time does before
// its staff's applications (rules.md "The process", step 4), in order,
// with the values in force on d; EmployerMaterials are the papers of the
// in-person check.
func EmployerFirst(d score.Date) []string { return formatAll(d, employerFirst) }

var employerFirst = []string{
	"用单位的法人账户登录一网通办，进入上海人社网站的积分管理，注册单位并填写单位信息。",
	"带下面的材料到单位注册地所在区的人才服务中心现场核验（只能在注册地所在区办理）。",
	"核验通过后，为每位申请人建立积分账户、在线填写《上海市居住证积分申请表》，再按下面的“办理步骤”提交；每位申请人领取居住证须满 {permit.wait_days} 天。",
}

// EmployerMaterials are the papers of the employer's in-person check, for
// every kind of employer (a labour-dispatch firm and a branch of a firm
// from outside Shanghai bring one more each, as their reasons say).
func EmployerMaterials(d score.Date) []Material {
	for _, g := range Materials(score.Profile{AsOf: d}, Answers{QDispatch: true, QBranch: true}) {
		if g.ID == "employer" {
			return g.Items
		}
	}
	return nil
}
