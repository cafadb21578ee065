package guide

import "jifen/score"

// PrintHeader is the header of the checklist's print view.
type PrintHeader struct {
	Title string   // "上海居住证积分申请材料清单"
	Date  string   // the day printed: "打印日期：2026 年 11 月 28 日"
	AsOf  string   // "计算日期：2026 年 11 月 28 日"
	Total string   // "总分 135 分（标准分值 120 分）"
	Items []string // the items claimed, with their points: "学历 100 分"
}

// Header builds the print header from the result on the page and the day
// it is printed. Items are those of the result that count (points not 0),
// in the result's order; deductions show with their minus sign.
func Header(r score.Result, printed score.Date) PrintHeader {
	h := PrintHeader{
		Title: "上海居住证积分申请材料清单",
		Date:  "打印日期：" + dayText(printed),
		AsOf:  "计算日期：" + dayText(r.AsOf),
		Total: "总分 " + n(r.Total) + " 分（标准分值 " + n(score.StandardAt(r.AsOf)) + " 分）",
	}
	for _, it := range r.Items {
		if it.Points == 0 {
			continue
		}
		h.Items = append(h.Items, it.Name+" "+n(it.Points)+" 分")
	}
	return h
}
