package batch

import (
	"strconv"

	"jifen/score"
)

// Status is a row's verdict: 达标, 未达标, 不能申请 or 有错误.
type Status uint8

// The statuses, in the order the page counts them.
const (
	StatusError  Status = iota // a cell cannot be used: not scored
	StatusMet                  // 达标: at or above the standard
	StatusBelow                // 未达标
	StatusCannot               // 不能申请: vetoed, or past retirement
)

// String is the status as the page and the export write it.
func (s Status) String() string {
	return [...]string{"有错误", "达标", "未达标", "不能申请"}[s]
}

// Outcome is a row's result.
type Outcome struct {
	Status Status
	Result score.Result // when scored (Status is not StatusError)
	// Reach is the month the standard is reached, as the export writes it:
	// "2030-12", 已达到, 退休前达不到, or "" (不能申请, 有错误).
	Reach string
	// ReachMonth is the month of Reach as a number for sorting
	// (year*12+month-1): 0 for 已达到, -1 when never or not scored.
	ReachMonth int
	// Children is each child's 中考 verdict, in the row's order, as the
	// export writes it: "来得及（2033-06 中考，余 20 个月）"; ChildrenZh as the
	// page does: "来得及（2033 年 6 月中考，余 20 个月）".
	Children, ChildrenZh []string
	// Errors are the row's cell errors, and the problems of cells that are
	// wrong only together (a birth after the 计算日期), each naming the row
	// and the column.
	Errors []string
}

// Score scores row i at its 计算日期, or at today when it has none.
func (t *Table) Score(i int, today score.Date) Outcome {
	r := &t.Rows[i]
	if len(r.Errors) > 0 {
		return Outcome{Status: StatusError, Errors: r.Errors, ReachMonth: -1}
	}
	p := r.Profile
	if p.AsOf.IsZero() {
		p.AsOf = today
	}
	res, err := score.Evaluate(p)
	if err != nil {
		return Outcome{Status: StatusError, Errors: t.problems(r.Line, err), ReachMonth: -1}
	}
	o := Outcome{Result: res, ReachMonth: -1}
	switch {
	case res.Vetoed || res.Retired:
		o.Status = StatusCannot
	case res.MeetsStandard:
		o.Status, o.Reach, o.ReachMonth = StatusMet, "已达到", 0
	default:
		o.Status = StatusBelow
	}
	if o.Status != StatusBelow && len(p.ChildBirths()) == 0 {
		return o
	}
	pr, err := score.ReachFrom(p, res)
	if err != nil { // not expected: Evaluate took the profile
		o.Status, o.Errors = StatusError, t.problems(r.Line, err)
		return o
	}
	if o.Status == StatusBelow {
		o.Reach = "退休前达不到"
		if pr.ReachDate != nil {
			m := score.MonthOf(*pr.ReachDate)
			o.Reach, o.ReachMonth = m.String(), m.Year*12+int(m.Month)-1
		}
	}
	for _, c := range pr.Children {
		o.Children = append(o.Children, zhongkao(c.Zhongkao, &pr, c.Zhongkao.Month.String()+" 中考"))
		o.ChildrenZh = append(o.ChildrenZh, zhongkao(c.Zhongkao, &pr, c.Zhongkao.Month.Chinese()+"中考"))
	}
	return o
}

// ScoreAll scores every row.
func (t *Table) ScoreAll(today score.Date) []Outcome {
	outs := make([]Outcome, len(t.Rows))
	for i := range t.Rows {
		outs[i] = t.Score(i, today)
	}
	return outs
}

// problems names the columns of the problems of a profile that cannot be
// scored.
func (t *Table) problems(line int, err error) []string {
	probs, ok := score.AsProblems(err)
	if !ok || len(probs) == 0 {
		return []string{rowName(line) + "：无法计算（" + err.Error() + "）"}
	}
	msgs := make([]string, len(probs))
	for i, pr := range probs {
		col := ""
		if j, ok := t.keyCol[pr.Key]; ok {
			col = "“" + t.Columns[j].Header + "”"
		}
		msgs[i] = fill("{}{}：{}", rowName(line), col, pr.Zh)
	}
	return msgs
}

// zhongkao is a child's 中考 verdict with its months; exam names it.
func zhongkao(x score.ExamCheck, pr *score.PlanResult, exam string) string {
	switch {
	case x.Verdict == score.Passed:
		return fill("已过（{}，报名已过）", exam)
	case x.Margin == nil && (pr.Vetoed || pr.Result != nil && pr.Result.Retired):
		return fill("来不及（{}，不能申请积分）", exam)
	case x.Margin == nil:
		return fill("来不及（{}，退休前达不到 {} 分）", exam, strconv.Itoa(pr.Standard))
	case x.Verdict == score.Late:
		return fill("来不及（{}，晚 {}）", exam, score.Span(-*x.Margin))
	case x.Verdict == score.Tight:
		return fill("时间很紧（{}，余 {}）", exam, score.Span(*x.Margin))
	}
	return fill("来得及（{}，余 {}）", exam, score.Span(*x.Margin))
}

// Counts are how many rows have each status.
type Counts struct {
	Rows, Met, Below, Cannot, Errors int
}

// Count counts the statuses of outs.
func Count(outs []Outcome) Counts {
	c := Counts{Rows: len(outs)}
	for i := range outs {
		switch outs[i].Status {
		case StatusMet:
			c.Met++
		case StatusBelow:
			c.Below++
		case StatusCannot:
			c.Cannot++
		default:
			c.Errors++
		}
	}
	return c
}

// String is the counts line of the page and the command line: "20 人：12
// 人达标，5 人未达标，3 行有错误" (不能申请 and errors only when there are any).
func (c Counts) String() string {
	tmpl := "{} 人：{} 人达标，{} 人未达标"
	if c.Cannot > 0 {
		tmpl += "，{} 人不能申请"
	}
	if c.Errors > 0 {
		tmpl += "，{} 行有错误"
	}
	n := []string{strconv.Itoa(c.Rows), strconv.Itoa(c.Met), strconv.Itoa(c.Below), strconv.Itoa(c.Cannot), strconv.Itoa(c.Errors)}
	if c.Cannot == 0 {
		n = append(n[:3], n[4])
	}
	return fill(tmpl, n...)
}
