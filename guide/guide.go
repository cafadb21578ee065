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

// Numbers of the conditions and the process (rules.md "Who can apply", "The
// process" and "Materials"); sentences are built from them.
const (
	PermitWaitDays     = 3  // the points account: at least 3 days after receiving the permit
	ResidenceMonths    = 6  // the permit: registered residence for 6 months
	InsuredMonths      = 6  // at least 6 of the last 12 months insured
	InsuredWindow      = 12 // months
	ContractYears      = 1  // labour contract of at least 1 year
	ContractLeftMonths = 2  // with at least 2 months left
	ReviewWorkdays     = 20 // the centre's check, and the scoring, each about 20 working days
	TaxMonths          = 6  // income-tax certificates everyone brings
	TaxBaseMonths      = 48 // income-tax certificates for the base tier
	InvestYears        = 3  // investment: 3 consecutive years of tax records
	LingangYears       = 3  // Lingang: 3 years of income-tax records
	ConfirmMonths      = 1  // 积分确认: in the last month before the permit expires
)

// n writes an integer for a sentence.
func n(i int) string { return strconv.Itoa(i) }

// Condition is one eligibility condition (约束条件) the person confirms.
type Condition struct {
	ID    string
	Text  string // the condition, as a question answered yes
	Short string // a few words, for the verdict's list
	Fix   string // what to do when it is not met
}

// Conditions are the constraints of the implementing rules (实施细则 art. 2).
var Conditions = []Condition{
	{"permit", "持有有效的上海居住证，且领证已满 {permit_days} 天", "居住证领证满 {permit_days} 天",
		"先办理上海居住证：在沪登记居住满 {residence_months} 个月，并有稳定就业、稳定住所或连续就读；领证 {permit_days} 天后才能建积分账户。"},
	{"employed", "目前在上海的单位就业，本月正常缴纳职工社保", "本月在沪就业并缴纳社保",
		"积分只能由在沪用人单位申请，须在申请当月在职并缴纳社保。"},
	{"insured6", "近 {insured_window} 个月中至少 {insured_months} 个月在上海缴纳职工社保（补缴不算）", "近 {insured_window} 个月社保满 {insured_months} 个月",
		"继续在上海连续缴纳社保，满 {insured_months} 个月后再申请。"},
	{"contract", "劳动合同期限 {contract_years} 年及以上，且剩余至少 {contract_left_months} 个月", "合同 {contract_years} 年以上、剩余 {contract_left_months} 个月以上",
		"请单位签订 {contract_years} 年及以上的劳动合同（派遣人员为派遣协议）。"},
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

// Steps is the process of rules.md, in order.
var Steps = []Step{
	{"本人", "办理上海居住证：在沪登记居住满 {residence_months} 个月，并有稳定就业、稳定住所或连续就读。", "社区事务受理服务中心 / 派出所", "视受理部门而定"},
	{"本人", "先自己模拟打分（本计算器，或上海人社网站的模拟打分），达到 {standard} 分再申请。", "本网站或上海人社网站", "几分钟"},
	{"本人", "向单位人事提出申请；个人和个体工商户不能自己申请。领取居住证满 {permit_days} 天后才能建账户。", "所在单位人事部门", "视单位而定"},
	{"单位", "首次办理的单位先注册：一网通办法人账户登录、填写单位信息，再带材料到注册地所在区人才服务中心现场核验。", "一网通办；区人才服务中心", "核验当场或数个工作日"},
	{"单位", "为申请人建立积分账户（申请人会收到个人登录信息），在线填写《上海市居住证积分申请表》。", "上海人力资源社会保障网 → 人社服务 → 积分管理", "1-2 天"},
	{"单位", "在线审核提交，再把纸质材料送到单位注册地所在区的人才服务中心（不能跨区）。", "注册地所在区人才服务中心", "预约当天办完"},
	{"区人才服务中心", "窗口查验材料是否齐全（缺什么当场告知），调档案、核验学历学位；网上状态变为“已核实”。", "区人才服务中心", "约 {review_workdays} 个工作日"},
	{"区人社局", "区人力资源和社会保障局评分，结果以短信通知。", "区人力资源和社会保障局", "{review_workdays} 个工作日内；受理后全程约 1.5 个月"},
	{"本人", "打印积分通知书。", "网上、区人才服务中心或自助机（凭身份证）", "几分钟"},
	{"单位", "每年居住证签注时确认积分（到期前 {confirm_months} 个月内）；换工作、添加同住家属等变化由单位申报变更。", "上海人社网站 → 积分管理", "每年一次"},
}

// dayText writes a day as "2026 年 11 月 28 日".
func dayText(d score.Date) string {
	return monthText(d) + " " + n(d.Day) + " 日"
}

// monthText writes a month as "2027 年 11 月".
func monthText(d score.Date) string {
	return n(d.Year) + " 年 " + n(int(d.Month)) + " 月"
}
