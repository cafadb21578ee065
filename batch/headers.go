package batch

import (
	"strconv"
	"strings"

	"jifen/score"
)

// nameHeaders are the headers of the name column (not scored).
var nameHeaders = []string{"姓名", "名字", "员工姓名", "name"}

// headerAliases are the headers batch.md gives and other names HR tables
// use, by profile key. Every key's own name (birth) and the pages' label
// of it (出生年月) are headers too.
var headerAliases = map[string][]string{
	"as_of":                {"计算日期", "评估日期"},
	"birth":                {"出生年月", "出生日期", "出生年月日", "生日"},
	"age":                  {"年龄", "周岁"},
	"education":            {"学历", "最高学历"},
	"full_time":            {"全日制", "是否全日制", "全日制学历"},
	"title":                {"职称或技能", "职称/技能等级", "职称/技能", "职称或技能等级", "职称", "技能等级"},
	"title_base_ok":        {"职称基数条件", "职称社保基数条件"},
	"insurance_years":      {"社保年限", "社保缴费年限", "本市社保年限"},
	"base_tier":            {"社保基数档次", "社保缴费基数档次", "缴费基数档次", "社保缴费基数"},
	"base_monthly":         {"社保月基数", "社保月缴费基数", "月缴费基数", "社保缴费基数(元/月)"},
	"spouse_years":         {"配偶沪籍婚龄", "与上海户籍配偶的婚龄", "配偶婚龄"},
	"shortage_major":       {"紧缺专业", "紧缺急需专业"},
	"fresh_graduate":       {"应届毕业生", "全日制应届高校毕业生", "应届生"},
	"key_area":             {"重点区域"},
	"key_area_years":       {"重点区域年限"},
	"public_service_years": {"公共服务年限", "公共服务领域年限"},
	"award":                {"表彰奖励", "表彰", "奖励"},
	"retire_group":         {"退休类别"},
	"children":             {"子女出生年月", "孩子的出生年月", "孩子出生年月"},
}

// headerKeys finds a profile key by its folded header.
var headerKeys = func() map[string]string {
	m := map[string]string{}
	for _, f := range score.Fields {
		m[fold(f.Key)] = f.Key
		m[fold(f.Label)] = f.Key
	}
	for key, names := range headerAliases {
		for _, n := range names {
			m[fold(n)] = key
		}
	}
	return m
}()

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

// resultHeader reports whether a folded header is one Export writes: an
// export read again is scored again, without its old results.
func resultHeader(h string) bool {
	switch h {
	case fold(hTotal), fold(hStatus), fold(hGap), fold(hNotes):
		return true
	}
	if strings.HasPrefix(h, "预计达到") && strings.HasSuffix(h, "分") {
		return true
	}
	if rest, ok := strings.CutPrefix(h, "子女"); ok {
		if n, ok := strings.CutSuffix(rest, "中考"); ok {
			_, err := strconv.Atoi(n)
			return err == nil
		}
	}
	if name, ok := strings.CutSuffix(h, "(分)"); ok {
		for _, ind := range score.Indicators() {
			if fold(ind.Name) == name {
				return true
			}
		}
	}
	return false
}

// columnKind is what a column holds.
type columnKind uint8

const (
	colOther  columnKind = iota // not scored: kept in the export
	colName                     // 姓名
	colField                    // a profile key
	colResult                   // a result of an earlier export: dropped
)

// classify finds what a header names; the key for a profile key.
func classify(header string) (columnKind, string) {
	h := strings.TrimLeft(fold(header), "*")
	h = strings.TrimRight(h, "*:")
	if h == "" {
		return colOther, ""
	}
	for _, n := range nameHeaders {
		if h == n {
			return colName, ""
		}
	}
	if key, ok := headerKeys[h]; ok {
		return colField, key
	}
	if resultHeader(h) {
		return colResult, ""
	}
	if base := stripNote(h); base != "" { // 社保年限（年）
		if key, ok := headerKeys[base]; ok {
			return colField, key
		}
		for _, n := range nameHeaders {
			if base == n {
				return colName, ""
			}
		}
	}
	return colOther, ""
}

// columnLetter is a column's name in a spreadsheet: A … Z, AA ….
func columnLetter(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}
