package batch

import (
	"strconv"
	"strings"
	"sync"

	"jifen/score"
)

// wordsText are the headers and the words of each choice people write,
// a line each: "key = header…" for the headers of a key (besides its own
// name, birth, and the pages' label of it, 出生年月), "key value word…"
// for a choice (value "-" for the choice that adds nothing; besides the
// value itself, doctor, and the pages' label of it, 博士研究生（学历+学位）,
// which TestHeaders checks). A table in one string: map literals cost
// app.wasm code.
const wordsText = `as_of = 计算日期 评估日期
birth = 出生年月 出生日期 出生年月日 生日
age = 年龄 周岁
education = 学历 最高学历
full_time = 全日制 是否全日制 全日制学历
title = 职称或技能 职称/技能等级 职称/技能 职称或技能等级 职称 技能等级
title_base_ok = 职称基数条件 职称社保基数条件
insurance_years = 社保年限 社保缴费年限 本市社保年限
base_tier = 社保基数档次 社保缴费基数档次 缴费基数档次 社保缴费基数
base_monthly = 社保月基数 社保月缴费基数 月缴费基数 社保缴费基数(元/月)
spouse_years = 配偶沪籍婚龄 与上海户籍配偶的婚龄 配偶婚龄
shortage_major = 紧缺专业 紧缺急需专业
fresh_graduate = 应届毕业生 全日制应届高校毕业生 应届生
key_area = 重点区域
key_area_years = 重点区域年限
public_service_years = 公共服务年限 公共服务领域年限
award = 表彰奖励 表彰 奖励
retire_group = 退休类别
children = 子女出生年月 孩子的出生年月 孩子出生年月
name = 姓名 名字 员工姓名 name
education doctor 博士 博士研究生 博士学位 博士研究生(学历+学位)
education master 硕士 硕士研究生 硕士学位 硕士研究生(学历+学位)
education bachelor_degree 本科+学士 本科学士 学士 学士学位 本科+学士学位 本科(学士) 本科(有学士学位) 本科有学士学位 本科及学士 本科学士学位 本科(有学位) 本科有学位
education bachelor 本科 本科(无学士学位) 本科无学士学位 本科(无学位) 本科无学位
education college 大专 专科 高职 大专(高职) 大学专科 高职高专
education - 无 高中 中专 大专以下 初中 职高 技校 中技
title - 无
title junior 初级 初级职称
title skill5 技能五级 职业技能五级 初级工 五级/初级工
title skill4 技能四级 职业技能四级 中级工 四级/中级工
title skill3 技能三级 职业技能三级 高级工 三级/高级工
title skill2 技能二级 职业技能二级 技师 二级/技师
title intermediate 中级 中级职称
title skill1 技能一级 职业技能一级 高级技师 一级/高级技师
title senior 高级 高级职称 副高 正高 副高级 正高级 副高级职称 正高级职称
base_tier none 无 0 不到0.8倍 0.8倍以下
base_tier 0.8 0.8倍至1倍
base_tier 1 1倍至2倍
base_tier 2 2倍至3倍
base_tier - 不清楚 不知道 未知
key_area lingang 临港 临港新片区
key_area other 其他 其它 其他远郊重点区域 其他重点区域 远郊 远郊重点区域
key_area - 无
award city_special 市级专项 市级专项表彰 专项表彰 市级委办局专项表彰
award city 市级 市级综合 市级综合表彰 市级委办局综合表彰
award national 国家级 省部级 省部级及以上 国家级表彰 省部级及以上政府表彰
award - 无
retire_group male 男 男性 男干部 男工人
retire_group female55 女55 女55岁 女(55) 女(干部) 女干部 女(原55岁退休) 女,55
retire_group female50 女50 女50岁 女(50) 女(工人) 女工人 女(原50岁退休) 女,50
retire_group - 不填`

// words finds, by folded text, a header's profile key ("|"+header) and
// an enum's value (key+"|"+word). It is built on first use, not at start:
// every page of the app links this package, few read a table.
var words = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, f := range score.Fields {
		m["|"+fold(f.Key)] = f.Key
		m["|"+fold(f.Label)] = f.Key
	}
	for _, line := range strings.Split(wordsText, "\n") {
		w := strings.Split(line, " ")
		v, k := w[1], w[0]+"|"
		switch v {
		case "=":
			k = "|"
			v = w[0]
		case "-":
			v = ""
		}
		for _, word := range w[2:] {
			m[k+fold(word)] = v
		}
	}
	return m
})

// The result headers of an export (Export writes them after the table's
// own columns).
const (
	hTotal  = "总分"
	hStatus = "是否达标"
	hGap    = "还差"
	hNotes  = "提示"
)

// reachHeader is "预计达到 120 分", with the standard in force.
func reachHeader(std int) string { return "预计达到 " + strconv.Itoa(std) + " 分" }

// pointsHeader is the header of an indicator's points: "学历（分）" (the
// name alone would be the same as the table's own 学历 column).
func pointsHeader(ind *score.Indicator) string { return ind.Name + "（分）" }

// childHeader is the header of the nth child's 中考 verdict, from 1.
func childHeader(n int) string { return "子女" + strconv.Itoa(n) + "中考" }

// classify finds the profile key a header names, "name" for 姓名, or "".
func classify(header string) string {
	h := strings.Trim(fold(header), "*:")
	note := stripNote(h) // 社保年限（年）, but not an export's 学历（分）
	if strings.HasSuffix(h, "(分)") {
		note = ""
	}
	for _, x := range []string{h, note} {
		if key, ok := words()["|"+x]; ok && x != "" {
			return key
		}
	}
	return ""
}

// columnLetter is a column's name in a spreadsheet: A … Z, AA ….
func columnLetter(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}
