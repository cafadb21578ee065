package guide

import "jifen/score"

// Material is one item of the checklist.
type Material struct {
	ID     string
	Name   string
	Note   string // details: originals, copies, where to get it
	Reason string // why it is needed: "每人必备", or the claims or answers that need it, joined by "、"
}

// Question is one question the checklist asks, only where its answer
// decides an item.
type Question struct {
	ID   string
	Text string // asked as a yes/no question
	Note string // what a "yes" adds
	// ask says whether the question matters for the profile; nil = always.
	ask func(p *score.Profile) bool
}

// Answers holds the answers to Questions by ID; a missing answer is "no".
type Answers map[string]bool

// Question IDs.
const (
	QDispatch   = "dispatch"
	QBranch     = "branch"
	QChildren   = "children"
	QForeign    = "foreign_degree"
	QNonFullDeg = "non_full_time"
)

func claimsEducation(p *score.Profile) bool { return score.IndicatorOf(score.IDEducation).Claimed(p) }

// fullTimeUnknown: education is claimed and the profile does not say
// whether it was full-time study (where it does, nothing is asked).
func fullTimeUnknown(p *score.Profile) bool {
	return claimsEducation(p) && p.FullTime == score.Unknown
}

// nonFullTime: the claimed education was not full-time study, as the
// profile says or as answered here.
func nonFullTime(p *score.Profile, a Answers) bool {
	return claimsEducation(p) && (p.FullTime == score.No || p.FullTime == score.Unknown && a[QNonFullDeg])
}

// noChildren: the profile lists no children (with children, their
// documents are on the list without asking).
func noChildren(p *score.Profile) bool { return len(p.ChildBirths()) == 0 }

// Questions are every question the checklist may ask, in order.
var Questions = []Question{
	{QChildren, "子女是否随迁、要享受积分待遇（在上海参加中考、高考，参加本市社保）？", "需要子女的出生医学证明、身份证或户口簿，结婚证和户籍证明。", noChildren},
	{QForeign, "学历是否在境外取得？", "需要教育部留学服务中心的学历学位认证书。", claimsEducation},
	{QNonFullDeg, "是否非全日制（自考、成人、网络）学历？", "另需毕业生登记表和成绩单。", fullTimeUnknown},
	{QDispatch, "是否劳务派遣人员（劳动合同与派遣公司签订）？", "劳动合同换成派遣协议；派遣公司另需劳务派遣经营许可证。", nil},
	{QBranch, "单位是否外省市企业在上海的分支机构？", "单位另需在上海缴纳企业所得税的证明。", nil},
}

// QuestionsFor returns the questions that matter for a profile: those about
// education only when education is claimed.
func QuestionsFor(p score.Profile) []Question {
	var qs []Question
	for _, q := range Questions {
		if q.ask == nil || q.ask(&p) {
			qs = append(qs, q)
		}
	}
	return qs
}

// Group is one group of the checklist.
type Group struct {
	// ID is "employer" (what the employer brings: the same papers serve
	// its first registration), "always" (what every applicant brings),
	// "children" (co-resident children), or the ID of the indicator
	// claimed (score.IDEducation…).
	ID    string
	Title string
	Items []Material
}

const centreForm = "来源没有给出固定格式，以区人才服务中心要求为准"

// materialRow is a set of items one claim or answer needs. Consecutive rows
// of the same group make one Group, titled by its first row that applies.
// A row of an indicator applies when the profile claims it (the claim test
// is the indicator's own, in score) and its when, if any, holds; its group
// is the indicator's ID and its title the indicator's name unless given.
type materialRow struct {
	group  string   // "employer", "always" or "children"; "" for an indicator's
	ind    score.ID // the indicator whose claim the row needs
	title  string
	reason string // Reason of the items; "" = the title
	when   func(p *score.Profile, a Answers) bool
	items  []Material
}

func always(*score.Profile, Answers) bool            { return true }
func dispatched(_ *score.Profile, a Answers) bool    { return a[QDispatch] }
func notDispatched(_ *score.Profile, a Answers) bool { return !a[QDispatch] }

// applies reports whether the row is needed, and its group and title.
func (r *materialRow) applies(p *score.Profile, a Answers) (group, title string, ok bool) {
	group, title = r.group, r.title
	if r.ind != "" {
		ind := score.IndicatorOf(r.ind)
		if !ind.Claimed(p) {
			return "", "", false
		}
		group = string(ind.ID)
		if title == "" {
			title = ind.Name
		}
	}
	return group, title, r.when == nil || r.when(p, a)
}

// materialRows is rules.md "Materials", in the checklist's order; numbers
// are the rule book's values, filled in with the evaluation date.
var materialRows = []materialRow{
	{group: "employer", title: "单位准备（单位首次办理时核验也用这些）", reason: "必备", when: always, items: []Material{
		{ID: "employer_letter", Name: "经办人的单位介绍信", Note: "加盖单位公章"},
		{ID: "hr_id", Name: "经办人身份证", Note: "经办人的社保须由本单位缴纳"},
		{ID: "licence", Name: "单位营业执照", Note: "复印件加盖公章"}}},
	{group: "employer", reason: "劳务派遣", when: dispatched, items: []Material{
		{ID: "dispatch_licence", Name: "劳务派遣经营许可证", Note: "派遣公司提供"}}},
	{group: "employer", reason: "外省市企业分支机构", when: func(_ *score.Profile, a Answers) bool { return a[QBranch] }, items: []Material{
		{ID: "branch_tax", Name: "在上海缴纳企业所得税的证明", Note: "外省市企业在沪分支机构提供"}}},
	{group: "always", title: "每人必备", when: always, items: []Material{
		{ID: "permit", Name: "上海居住证", Note: "原件"},
		{ID: "form", Name: "《上海市居住证积分申请表》", Note: "网上填写后打印，加盖单位公章"},
		{ID: "id_hukou", Name: "本人身份证和户口簿", Note: "原件和复印件"}}},
	{group: "always", title: "每人必备", when: notDispatched, items: []Material{
		{ID: "contract", Name: "劳动合同（期限 {apply.contract_years} 年及以上）", Note: "原件和复印件"}}},
	{group: "always", title: "每人必备", when: dispatched, items: []Material{
		{ID: "contract", Name: "派遣协议（劳动合同期限 {apply.contract_years} 年及以上）", Note: "劳务派遣人员提供"}}},
	{group: "always", title: "每人必备", when: always, items: []Material{
		{ID: "tax6", Name: "近 {materials.tax_months} 个月个人所得税完税证明", Note: "个人所得税 App 或税务局打印"}}},

	{ind: score.IDEducation, items: []Material{
		{ID: "diploma", Name: "毕业证书和学位证书", Note: "原件和复印件"}}},
	{ind: score.IDEducation, reason: "境外学历", when: func(_ *score.Profile, a Answers) bool { return a[QForeign] }, items: []Material{
		{ID: "cscse", Name: "教育部留学服务中心学历学位认证书", Note: "境外学历需要"}}},
	{ind: score.IDEducation, when: func(_ *score.Profile, a Answers) bool { return !a[QForeign] }, items: []Material{
		{ID: "chsi", Name: "学信网《教育部学历证书电子注册备案表》", Note: "学信网在线申请"}}},
	{ind: score.IDEducation, when: func(p *score.Profile, a Answers) bool {
		return !a[QForeign] && p.Education != score.EduCollege && p.Education != score.EduBachelor
	}, items: []Material{
		{ID: "cdgdc", Name: "学位网学位认证电子报告", Note: "中国学位与研究生教育信息网在线申请"}}},
	{ind: score.IDEducation, reason: "非全日制学历", when: nonFullTime, items: []Material{
		{ID: "adult_edu", Name: "毕业生登记表和成绩单", Note: "自考、成人、网络教育学历需要"}}},

	{ind: score.IDTitle, items: []Material{
		{ID: "title_cert", Name: "职称证书或职业技能等级证书", Note: "原件和复印件；外省市取得的须经本市复核"},
		{ID: "title_review", Name: "职称评审表或聘任文件", Note: "评审或考试取得的相关文件"},
		{ID: "title_hire", Name: "单位聘任证明", Note: "证书须与现岗位相符"}}},
	{ind: score.IDBaseTier, items: []Material{
		{ID: "tax48", Name: "近 {base_tier.window} 个月个人所得税完税证明", Note: "含上面的近 {materials.tax_months} 个月；用于核对缴费基数与收入是否相符"}}},
	{ind: score.IDSpouse, items: []Material{
		{ID: "marriage", Name: "结婚证", Note: "原件和复印件"},
		{ID: "spouse_id", Name: "配偶身份证和户口簿", Note: "原件和复印件"}}},
	{ind: score.IDInvestment, items: []Material{
		{ID: "company_reg", Name: "企业登记信息（工商登记档案）", Note: "原件和复印件"},
		{ID: "articles", Name: "公司章程", Note: "复印件"},
		{ID: "capital", Name: "验资报告", Note: "复印件"},
		{ID: "tax3y", Name: "近 {investment.years} 年企业纳税记录", Note: "税务局出具"}}},
	{ind: score.IDAward, items: []Material{
		{ID: "award", Name: "获奖证书", Note: "原件和复印件；须在本市公布的目录内"}}},
	{ind: score.IDShortageMajor, items: []Material{
		{ID: "diploma", Name: "毕业证书和学位证书", Note: "原件和复印件"},
		{ID: "post_desc", Name: "单位出具的岗位说明", Note: "所学专业在紧缺急需专业目录内，且与岗位相符"}}},
	{ind: score.IDKeyArea, title: "重点区域（临港新片区）", when: lingang, items: []Material{
		{ID: "lingang_letter", Name: "临港新片区管委会出具的推荐函", Note: "原件"},
		{ID: "lingang_tax", Name: "近 {key_area.lingang.min_years} 年个人所得税完税证明", Note: "个人所得税 App 或税务局打印"},
		{ID: "area_home", Name: "在该区域居住的证明", Note: "原件和复印件"}}},
	{ind: score.IDKeyArea, when: func(p *score.Profile, a Answers) bool { return !lingang(p, a) }, items: []Material{
		{ID: "area_proof", Name: "单位出具的在该区域工作的证明", Note: centreForm},
		{ID: "area_home", Name: "在该区域居住的证明", Note: centreForm}}},
	{ind: score.IDPublicService, items: []Material{
		{ID: "public_service_proof", Name: "单位出具的岗位及年限证明", Note: centreForm}}},
	{ind: score.IDFreshGraduate, items: []Material{
		{ID: "fresh_graduate_proof", Name: "单位或学校出具的岗位及年限证明", Note: centreForm}}},
	{ind: score.IDStartupTalent, items: []Material{
		{ID: "startup_talent_proof", Name: "企业或孵化器出具的岗位及年限证明", Note: centreForm}}},
	{ind: score.IDTechTransfer, items: []Material{
		{ID: "tech_transfer_proof", Name: "技术转移服务机构出具的岗位及年限证明", Note: centreForm}}},
	{group: "children", title: "子女随迁、享受积分待遇", when: withChildren, items: []Material{
		{ID: "child_birth", Name: "子女出生医学证明", Note: "原件和复印件"},
		{ID: "child_id", Name: "子女身份证或户口簿", Note: "原件和复印件"},
		{ID: "marriage", Name: "结婚证", Note: "原件和复印件"},
		{ID: "spouse_id", Name: "配偶身份证和户口簿", Note: "原件和复印件；用作配偶的户籍证明"},
		{ID: "child_hukou", Name: "子女的户籍证明", Note: "原件和复印件"}}},
}

func lingang(p *score.Profile, _ Answers) bool { return p.KeyArea == score.KeyAreaLingang }

// withChildren: the profile lists children, or the question is answered
// yes.
func withChildren(p *score.Profile, a Answers) bool { return len(p.ChildBirths()) > 0 || a[QChildren] }

// Materials builds the checklist (rules.md "Materials"; originals checked,
// copies kept): the employer's documents, what everyone brings, then one
// group per claimed item and per "yes" answer. No item appears twice: an
// item needed for several reasons is listed in the first group that needs
// it, with every reason in its Reason.
func Materials(p score.Profile, a Answers) []Group {
	var groups []Group
	at := map[string][2]int{} // item ID → group, item index
	d := p.AsOf
	if d.IsZero() {
		d = score.Today()
	}
	for i := range materialRows {
		r := &materialRows[i]
		group, title, ok := r.applies(&p, a)
		if !ok {
			continue
		}
		if len(groups) == 0 || groups[len(groups)-1].ID != group {
			groups = append(groups, Group{ID: group, Title: title})
		}
		gi := len(groups) - 1
		reason := r.reason
		if reason == "" {
			reason = groups[gi].Title
		}
		for _, m := range r.items {
			m.Name, m.Note = score.Format(d, m.Name), score.Format(d, m.Note)
			if pos, ok := at[m.ID]; ok {
				groups[pos[0]].Items[pos[1]].Reason += "、" + reason
				continue
			}
			m.Reason = reason
			at[m.ID] = [2]int{gi, len(groups[gi].Items)}
			groups[gi].Items = append(groups[gi].Items, m)
		}
	}
	kept := groups[:0]
	for _, g := range groups {
		if len(g.Items) > 0 {
			kept = append(kept, g)
		}
	}
	return kept
}

// Flatten lists the items of the groups in order.
func Flatten(groups []Group) []Material {
	var list []Material
	for _, g := range groups {
		list = append(list, g.Items...)
	}
	return list
}
