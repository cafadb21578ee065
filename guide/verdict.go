package guide

import "jifen/score"

// VerdictKind is which of the four verdicts applies.
type VerdictKind string

// The verdicts, in the order Decide checks them.
const (
	// Vetoed: a veto applies, or the person is past the statutory
	// retirement date: the person cannot apply at all.
	Vetoed VerdictKind = "vetoed"
	// Below: the total is under the standard score; Gap says by how much.
	Below VerdictKind = "below"
	// ConfirmFirst: the total is enough, but some conditions are not yet
	// confirmed; Unconfirmed lists them.
	ConfirmFirst VerdictKind = "confirm"
	// CanApply: the total is enough and every condition is confirmed.
	CanApply VerdictKind = "can_apply"
)

// Verdict is the one verdict of the guide page. It is built from the same
// score.Result as the result page, so the two never disagree: the total
// and the gap are the result's.
type Verdict struct {
	Kind     VerdictKind
	Headline string // one sentence, e.g. "积分已够 120 分，申请前再确认 3 项"
	Total    int
	Gap      int // points short of the standard (Below only)
	// Unconfirmed are the conditions not yet confirmed, in the order of
	// Conditions (ConfirmFirst only): the page lists their Short texts and
	// shows each one's Fix on demand.
	Unconfirmed []Condition
}

// Decide gives the verdict for a result and the conditions the person has
// confirmed (by Condition.ID):
//   - vetoed → cannot apply (same words as the result page);
//   - below the standard → the gap, as on the result page;
//   - at or above it with every condition confirmed → can apply;
//   - at or above it with N conditions unconfirmed → "积分已够 120 分，申请前再确认 N 项".
//
// Below the standard the conditions are not listed: the gap comes first.
func Decide(r score.Result, confirmed map[string]bool) Verdict {
	v := Verdict{Total: r.Total}
	std := n(score.StandardAt(r.AsOf))
	switch {
	case r.Vetoed:
		v.Kind, v.Headline = Vetoed, "存在一票否决情形，不能申请积分"
	case r.Retired:
		v.Kind, v.Headline = Vetoed, "已到法定退休年龄，不能申请积分"
	case !r.MeetsStandard:
		v.Kind, v.Gap = Below, r.Gap
		v.Headline = "距 " + std + " 分还差 " + n(r.Gap) + " 分"
	default:
		for _, c := range Conditions(r.AsOf) {
			if !confirmed[c.ID] {
				v.Unconfirmed = append(v.Unconfirmed, c)
			}
		}
		if len(v.Unconfirmed) == 0 {
			v.Kind, v.Headline = CanApply, "已达到 "+std+" 分标准分值，条件都已确认，可以请单位申请"
		} else {
			v.Kind, v.Headline = ConfirmFirst, "积分已够 "+std+" 分，申请前再确认 "+n(len(v.Unconfirmed))+" 项"
		}
	}
	return v
}
