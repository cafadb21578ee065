package guide

import (
	"jifen/guide/ics"
	"jifen/score"
)

// Reminder alarms, in days before the event.
const (
	alarmWindowDays = 7
	alarmExpiryDays = 3
	alarmChildDays  = 30
)

// ReachUIDPrefix starts the UID of the reminder of the projected month of
// the standard score (a projection: shown to the month).
const ReachUIDPrefix = "jifen-reach-"

func icsDate(d score.Date) ics.Date { return ics.Date{Year: d.Year, Month: d.Month, Day: d.Day} }

// Reminders builds the calendar events of "添加到日历" (pass them to
// ics.Calendar):
//
//   - reach, the plan's projected date of 120 points (PlanResult.ReachDate;
//     nil = none): an all-day event on the 1st of that month, said to be an
//     estimate; left out when that month has begun by today;
//
//   - permitExpiry, the residence permit's expiry date the person gives
//     (zero = not given): the renewal and 积分确认 window (the last month
//     before expiry, with an alarm a week before it opens) and the expiry
//     day itself; left out when the permit has expired by today.
//
//   - children, the plan's children: for each 中考 and 高考 whose
//     registration is not over, a reminder on the 1st of the latest month
//     to reach the standard (the registration less the processing time),
//     or of the registration's month when that latest month has passed.
//
// UIDs depend on the dates only, so adding the same reminders twice
// updates them instead of doubling them.
func Reminders(reach *score.Date, children []score.ChildPlan, permitExpiry, today score.Date) []ics.Event {
	var evs []ics.Event
	std := n(score.StandardAt(today))
	now := score.MonthOf(today)
	for _, ch := range children {
		for _, x := range []score.ExamCheck{ch.Zhongkao, ch.Gaokao} {
			if x.Verdict == score.Passed || x.Deadline.First().Before(now.First()) {
				continue
			}
			at, summary := x.LatestReach, "孩子"+x.Name+"：最晚本月达到 "+std+" 分（估算）"
			if at.First().Before(now.First()) {
				at, summary = x.Deadline, "孩子"+x.Name+"报名：须持有积分通知书（估算）"
			}
			evs = append(evs, ics.Event{
				UID:     "jifen-child-" + ch.Birth.String() + "-" + x.Exam + "-" + at.String() + "@jifen",
				Start:   icsDate(at.First()),
				Summary: summary,
				Description: ch.Name() + " " + x.Month.Chinese() + x.Name + "：" + x.Deadline.Chinese() + "报名时须持有积分通知书，最晚 " +
					x.LatestReach.Chinese() + "达到 " + std + " 分（从达到到拿到通知书约 " + n(score.N(today, "children.processing_months")) +
					" 个月）。时间是按常见的入学和报名时间估算的，以当年市教委、市教育考试院通知为准。",
				AlarmDays: alarmChildDays,
			})
		}
	}
	if reach != nil {
		first := score.Date{Year: reach.Year, Month: reach.Month, Day: 1}
		if first.After(today) {
			evs = append(evs, ics.Event{
				UID:         ReachUIDPrefix + first.String()[:7] + "@jifen",
				Start:       icsDate(first),
				Summary:     "预计积分达到 " + std + " 分（估算）",
				Description: "按计算器的推算，如果其他情况不变、社保连续缴纳，预计 " + monthText(first) + "达到 " + std + " 分标准分值。这是估算，只到月份；到时请重新计算，够 " + std + " 分后请单位申请。",
				AlarmDays:   alarmWindowDays,
			})
		}
	}
	if !permitExpiry.IsZero() && !permitExpiry.Before(today) {
		confirm := score.N(today, "renewal.confirm_months")
		open := permitExpiry.AddMonths(-confirm)
		evs = append(evs,
			ics.Event{
				UID:         "jifen-renewal-" + permitExpiry.String() + "@jifen",
				Start:       icsDate(open),
				End:         icsDate(permitExpiry),
				Summary:     "居住证签注和积分确认",
				Description: "居住证 " + dayText(permitExpiry) + " 到期。到期前 " + n(confirm) + " 个月内（" + dayText(open) + " 起）办理签注，同时确认积分。居住证过期，积分随之失效。",
				AlarmDays:   alarmWindowDays,
			},
			ics.Event{
				UID:         "jifen-expiry-" + permitExpiry.String() + "@jifen",
				Start:       icsDate(permitExpiry),
				Summary:     "居住证到期",
				Description: "居住证今天到期。没有签注的，积分随居住证失效。签注后请按新的有效期重新添加提醒。",
				AlarmDays:   alarmExpiryDays,
			})
	}
	return evs
}
