package app

import (
	"errors"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// The widgets the pages share: the score box, items, warnings, paths,
// notices, form rows and the formats of dates and numbers.

// choice is one option of a radio group.
type choice struct {
	value, label, sub string
}

// Event handlers: go-app keeps an element's first handler when a new one
// comes from the same func literal, so every handler that captures data
// of its element is scoped by that data (app.EventScope).

// radioGroup renders a fieldset of big radio choices. The legend is the
// question; onPick gets the chosen value.
func radioGroup(name, legend, hint string, choices []choice, selected string, onPick func(ctx app.Context, v string)) app.UI {
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").ID(name+"-legend").TabIndex(-1).Class("question").Text(legend),
		app.If(hint != "", func() app.UI { return app.Elem("p").Class("hint").Text(para(hint)) }),
		app.Range(choices).Slice(func(i int) app.UI {
			c := choices[i]
			id := name + "-" + strconv.Itoa(i)
			return app.Elem("label").Class("choice").Attr("for", id).Body(
				app.ElemSelfClosing("input").Attr("type", "radio").ID(id).Attr("name", name).Attr("value", c.value).Attr("checked", boolAttr(c.value == selected)).
					OnChange(func(ctx app.Context, e app.Event) { onPick(ctx, c.value) }, app.EventScope(name, c.value)),
				app.Elem("span").Class("choice-text").Body(
					app.Elem("span").Class("choice-label").Text(c.label),
					app.If(c.sub != "", func() app.UI { return app.Elem("span").Class("choice-sub").Text(para(c.sub)) }),
				),
			)
		}),
	)
}

// stepper renders a number field with − and + buttons. get reads the
// current value when a button is pressed, so quick presses all count;
// onSet gets what is typed (or the stepped number) as text, and msg, when
// not "", says inline why the text cannot be used.
func stepper(id, label, unit string, get func() int, min, max int, msg string, onSet func(ctx app.Context, raw string)) app.UI {
	value := get()
	set := func(delta int) func(ctx app.Context, e app.Event) {
		return func(ctx app.Context, e app.Event) {
			onSet(ctx, strconv.Itoa(clamp(get()+delta, min, max)))
		}
	}
	describedBy := ""
	if msg != "" {
		describedBy = id + "-err"
	}
	input := app.ElemSelfClosing("input").Attr("type", "number").ID(id).Class("step-input").Attr("inputmode", "numeric").
		Attr("min", min).Attr("max", max).Attr("step", 1).Attr("value", value).
		OnInput(func(ctx app.Context, e app.Event) {
			onSet(ctx, strings.TrimSpace(ctx.JSSrc().Get("value").String()))
		}, app.EventScope(id))
	if msg != "" {
		input = input.Aria("invalid", "true").Aria("describedby", describedBy).Aria("errormessage", describedBy)
	}
	return app.Elem("div").Class("stepper").Body(
		app.Elem("label").Attr("for", id).Class("stepper-label").Text(label),
		app.Elem("div").Class("stepper-row").Body(
			app.Elem("button").Attr("type", "button").Class("btn step-btn").Aria("label", "减少 1 "+unit).Text("−").
				Attr("disabled", boolAttr(value <= min)).OnClick(set(-1), app.EventScope(id)),
			input,
			app.Elem("span").Class("unit").Text(unit),
			app.Elem("button").Attr("type", "button").Class("btn step-btn").Aria("label", "增加 1 "+unit).Text("+").
				Attr("disabled", boolAttr(value >= max)).OnClick(set(+1), app.EventScope(id)),
		),
		app.If(msg != "", func() app.UI {
			return app.Elem("p").ID(describedBy).Class("field-error").Role("alert").Text(msg)
		}),
	)
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// bar draws a horizontal bar for points out of full, as SVG (no inline
// style, so the strict Content-Security-Policy holds).
func bar(points, full int, class string) app.UI {
	w := 0
	if full > 0 && points > 0 {
		w = min(100, points*100/full)
	}
	if points < 0 && full > 0 {
		w = min(100, -points*100/full)
	}
	return app.Raw(`<svg class="bar ` + class + `" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar-bg" width="100" height="6" rx="3"></rect><rect class="bar-fg" width="` + strconv.Itoa(w) + `" height="6" rx="3"></rect></svg>`)
}

// unitSpace keeps a number with its unit on one line: the space between
// them ("40 分") becomes a no-break space.
var unitSpace = func() *strings.Replacer {
	var pairs []string
	for _, d := range "0123456789" {
		for _, u := range []string{"分", "年", "个", "倍", "元", "周岁", "岁", "次", "项", "人", "月", "天", "日"} {
			pairs = append(pairs, string(d)+" "+u, string(d)+"\u00a0"+u)
		}
	}
	return strings.NewReplacer(pairs...)
}()

// para is a text of the rules (a reason, a hint, a help), with each
// number kept on one line with its unit.
func para(s string) string { return unitSpace.Replace(s) }

// boolAttr is the value of a boolean attribute such as checked: in the
// browser a bool (go-app sets the DOM property), in the pre-rendered page
// nothing when false, since any value there would mean true.
func boolAttr(v bool) any {
	if v || app.IsClient {
		return v
	}
	return nil
}

// scrollTo brings an element into view and gives it the focus.
func scrollTo(id, block string) {
	if el := app.Window().Get("document").Call("getElementById", id); el.Truthy() {
		scrollIntoView(el, block)
		if el.Call("hasAttribute", "tabindex").Bool() {
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	}
}

// scrollIntoView scrolls el into view, smoothly unless the visitor has
// asked the system for less motion.
func scrollIntoView(el app.Value, block string) {
	behavior := "smooth"
	if mq := app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)"); mq.Truthy() && mq.Get("matches").Bool() {
		behavior = "auto"
	}
	el.Call("scrollIntoView", map[string]any{"block": block, "behavior": behavior})
}

func boolText(v bool) string {
	if v {
		return "true"
	}
	return "false"
}

// scoreHero is the score box: the total, how far it is from 120, a bar
// with a mark at 120 and the verdict.
func scoreHero(r *score.Result, label, status, class string) app.UI {
	return app.Elem("section").Class("card hero").Aria("labelledby", "total-label").Body(
		app.Elem("h1").ID("total-label").Class("hero-label").Text(label),
		app.Elem("p").Class("hero-total").Body(
			app.Elem("span").Class("total").Attr("data-testid", "total").Text(strconv.Itoa(r.Total)),
			app.Elem("span").Class("total-unit").Text(" 分"),
		),
		app.Elem("p").Class("hero-gap").Attr("data-testid", "gap").Text(gapText(r)),
		app.If(!r.Vetoed && !r.Retired, func() app.UI { return heroBar(r.Total, r.Standard) }),
		app.If(status != "", func() app.UI { return app.Elem("p").Class("hero-status " + class).Text(status) }),
	)
}

// gapText answers "how far from 120".
func gapText(r *score.Result) string {
	if r.Vetoed || r.Retired {
		return "积分只作参考：现在不能申请"
	}
	std := "标准 " + strconv.Itoa(r.Standard) + " 分 · "
	switch d := r.Total - r.Standard; {
	case d < 0:
		return std + "还差 " + strconv.Itoa(-d) + " 分"
	case d == 0:
		return std + "刚好达到"
	default:
		return std + "已超出 " + strconv.Itoa(d) + " 分"
	}
}

// loadingHero is the score box before the app has read the answers: no
// number, so that nobody sees figures that are not theirs.
func loadingHero(label string) app.UI {
	return app.Elem("div").Class("loading-main").Body(
		app.Elem("section").Class("card hero").Aria("busy", "true").Body(
			app.Elem("p").Class("hero-label").Text(label),
			app.Elem("p").Class("hero-total").Body(
				app.Elem("span").Class("total total-loading").Attr("data-testid", "total").Text("正在计算…"),
			),
			app.Elem("p").Class("hero-gap").Text("您的答案只在这台设备上计算"),
			heroBar(-1, stdScore),
			app.Elem("p").Class("hero-status").Text(" "),
		),
	)
}

// heroBar draws the total on a scale that always shows 120, with a
// labelled mark at 120 (total < 0: an empty bar, while loading).
func heroBar(total, std int) app.UI {
	full := max(std*4/3, total+total/8)
	w := 0
	if total > 0 {
		w = min(300, total*300/full)
	}
	x := strconv.Itoa(std * 300 / full)
	return app.Raw(`<svg class="hero-bar" viewBox="0 0 300 30" aria-hidden="true" focusable="false">` +
		`<rect class="bar-bg" y="4" width="300" height="10" rx="5"></rect>` +
		`<rect class="bar-fg" y="4" width="` + strconv.Itoa(w) + `" height="10" rx="5"></rect>` +
		`<line class="mark-120" data-testid="mark-120" x1="` + x + `" x2="` + x + `" y1="0" y2="18"></line>` +
		`<text class="mark-label" x="` + x + `" y="29" text-anchor="middle">` + strconv.Itoa(std) + `</text></svg>`)
}

// itemList shows every item: points, a bar scaled to the item's own
// maximum, the reason and, below high confidence, a badge.
func itemList(items []score.Item) app.UI {
	return app.Elem("ul").Class("items").Body(app.Range(items).Slice(func(i int) app.UI {
		return itemRow(items[i])
	}))
}

func itemRow(it score.Item) app.UI {
	cls := "item"
	if it.Points < 0 {
		cls += " item-minus"
	}
	return app.Elem("li").Class(cls).DataSet("id", it.ID).Body(
		app.Elem("div").Class("item-head").Body(
			app.Elem("span").Class("item-name").Text(it.Name),
			app.Elem("span").Class("item-points").Text(signed(it.Points)+" 分"),
		),
		bar(it.Points, itemMax(it), ""),
		app.Elem("p").Class("item-why").Text(para(it.Why)),
		confBadge(it.Confidence, it.Dispute),
	)
}

// itemMax is the scale of an item's bar: the most the item can score, or
// for an item without a cap the larger of the standard and its points.
func itemMax(it score.Item) int {
	if it.Max > 0 {
		return it.Max
	}
	return max(stdScore, it.Points, -it.Points)
}

// stdScore is the standard score today, for drawing and the pages'
// headings: a result's own figures use its Standard.
var (
	stdScore = score.StandardAt(score.Today())
	stdText  = strconv.Itoa(stdScore)
)

// confBadge marks a rule below high confidence, with its dispute in one
// line.
func confBadge(c score.Confidence, dispute string) app.UI {
	if c == score.High {
		return nil
	}
	return app.Elem("p").Class("conf conf-"+string(c)).Body(
		app.Elem("span").Class("badge").Text(confLabel(c)),
		app.If(dispute != "", func() app.UI { return app.Text(" " + dispute) }),
	)
}

func warningList(ws []string) app.UI {
	if len(ws) == 0 {
		return nil
	}
	return app.Elem("section").Class("card").Aria("labelledby", "warn-title").Body(
		app.Elem("h2").ID("warn-title").Text("请注意"),
		app.Elem("ul").Class("warnings").Body(app.Range(ws).Slice(func(i int) app.UI {
			return app.Elem("li").Text(para(ws[i]))
		})),
	)
}

func pathList(paths []score.Path) app.UI {
	return app.Elem("ol").Class("paths").Body(app.Range(paths).Slice(func(i int) app.UI {
		p := paths[i]
		return app.Elem("li").Class("path").Body(
			app.Elem("p").Class("path-change").Text(p.Change),
			app.Elem("p").Class("path-gain").Text("+"+strconv.Itoa(p.PointsGained)+" 分，预计 "+monthText(p.ReachDate)+"达到 "+strconv.Itoa(stdScore)+" 分"),
			app.Elem("p").Class("small muted").Text(p.Detail),
		)
	}))
}

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// problemNotice lists, quietly, what in a link could not be used: the
// keys named in Chinese, the rest of the link used as usual.
func problemNotice(probs score.Problems) app.UI {
	if len(probs) == 0 {
		return nil
	}
	lines := problemLines(probs)
	return app.Elem("details").Class("notice notice-quiet").Attr("data-testid", "link-problems").Body(
		app.Elem("summary").Text("链接里有 "+itoa(len(probs))+" 处无法使用，已略过；其余答案照常使用"),
		app.Elem("ul").Body(app.Range(lines).Slice(func(i int) app.UI {
			return app.Elem("li").Text(lines[i])
		})),
	)
}

// problemLines are a link's problems in Chinese, one line each (the same
// message once), the value that could not be used shown back without
// control or bidi characters, never a raw key.
func problemLines(probs score.Problems) []string {
	var lines []string
	for _, pr := range probs {
		line := pr.Zh
		if !pr.Unknown() && pr.Value != "" && !strings.ContainsRune(pr.Value, '\uFFFD') {
			line += "（链接里是“" + score.Shown(pr.Value) + "”）"
		}
		if !has(lines, line) {
			lines = append(lines, line)
		}
		if len(lines) == 12 {
			break
		}
	}
	return lines
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// heldNotice is what a page with a cut or garbled link shows instead of
// figures: what could not be used, that the sender may resend it, and the
// choice to go on with what could be read or to correct it.
func heldNotice(pp *pageProfile, onCalc bool, onAccept func(ctx app.Context)) app.UI {
	lines := problemLines(pp.probs)
	return app.Elem("div").Class("notice notice-warn").Role("alert").Attr("data-testid", "link-held").Body(
		app.Elem("p").Body(app.Elem("strong").Text("链接可能不完整，请让对方重新发送")),
		app.Elem("p").Text("链接里有 "+itoa(len(pp.probs))+" 处无法使用，所以这里先不显示积分，以免显示的不是对方的分数："),
		app.Elem("ul").Body(app.Range(lines).Slice(func(i int) app.UI { return app.Elem("li").Text(lines[i]) })),
		app.Elem("div").Class("row").Body(
			app.Elem("button").Attr("type", "button").Class("btn btn-small").ID("accept-link").Text("用能读出的部分继续").
				OnClick(func(ctx app.Context, e app.Event) { onAccept(ctx) }),
			app.If(!onCalc, func() app.UI {
				return app.Elem("a").Class("btn btn-small btn-ghost").Attr("href", PathCalc+"#"+safePercent(pp.raw)).Text("在计算器里逐项改正")
			}),
		),
	)
}

// savedNotice says that parts of what this device keeps could not be
// read and were dropped: of the answers (bad), and of the rest (the
// guide's ticks and dates: damaged, counted since the page opened), with
// the way to start afresh.
func savedNotice(bad int) app.UI {
	if bad == 0 && damaged == 0 {
		return nil
	}
	var lines []string
	if bad > 0 {
		lines = append(lines, "本机保存的答案有 "+itoa(bad)+" 处无法读取，已忽略；其余答案照常使用，请核对。")
	}
	if damaged > 0 {
		lines = append(lines, "本机保存的勾选或日期有 "+itoa(damaged)+" 处无法读取，已忽略。")
	}
	return app.Elem("div").Class("notice notice-warn").Role("status").Attr("data-testid", "saved-damaged").Body(
		app.Range(lines).Slice(func(i int) app.UI { return app.Elem("p").Text(lines[i]) }),
		app.Elem("p").Class("small").Text("如果问题一直出现，可以清除这台设备上的数据，重新开始："),
		&clearData{},
	)
}

// errorNotice shows why a profile cannot be scored.
func errorNotice(probs score.Problems) app.UI {
	return app.Elem("div").Class("notice notice-error").Role("alert").Body(
		app.Elem("p").Body(app.Elem("strong").Text("这些答案无法计算：")),
		app.Elem("ul").Body(app.Range(probs).Slice(func(i int) app.UI { return app.Elem("li").Text(probs[i].Zh) })),
		app.Elem("a").Class("btn btn-primary").Attr("href", PathCalc).Text("去修改"),
	)
}

// problemsOf returns the problems of an error of package score; any
// other error becomes one problem with its text.
func problemsOf(err error) score.Problems {
	var probs score.Problems
	if errors.As(err, &probs) {
		return probs
	}
	return score.Problems{{Zh: "无法计算：" + err.Error(), En: err.Error()}}
}

// sharedNotice says that the page shows answers from someone's link, and
// offers to continue with them or to see one's own.
func sharedNotice(pp *pageProfile, note string, onAdopt func(ctx app.Context)) app.UI {
	if note != "" {
		return app.Elem("div").Class("notice notice-info").Role("status").Attr("data-testid", "shared").Body(
			app.Elem("p").Text(note))
	}
	if pp.src != srcShared {
		return nil
	}
	own := "下面是链接里的答案算出的积分，不是您自己的答案；不会保存到这台设备。"
	if pp.fromEmbed {
		own = "下面是链接里的答案算出的积分。如果这是您刚在合作网站上做的自测，选“用这些答案继续”就会保存为您的答案（只存在这台设备上）。"
	}
	return app.Elem("div").Class("notice notice-info").Role("status").Attr("data-testid", "shared").Body(
		app.Elem("p").Body(app.Elem("strong").Text("这是分享给您的结果")),
		app.Elem("p").Text(own),
		app.Elem("div").Class("row").Body(
			app.Elem("button").Attr("type", "button").Class("btn btn-small").ID("adopt").Text("用这些答案继续").
				OnClick(func(ctx app.Context, e app.Event) { onAdopt(ctx) }),
			app.Elem("a").Class("btn btn-small btn-ghost").ID("mine").Attr("href", PathResult).Text("查看我自己的结果"),
		),
	)
}

// monthText writes a projected date to the month: 2027 年 11 月.
func monthText(d score.Date) string {
	return itoa(d.Year) + " 年 " + itoa(int(d.Month)) + " 月"
}

// dayText writes a date: 2026 年 11 月 28 日.
func dayText(d score.Date) string {
	return monthText(d) + " " + itoa(d.Day) + " 日"
}

func checkRow(id, label, note string, checked bool, onChange app.EventHandler) app.UI {
	return app.Elem("div").Class("check-item").Body(
		app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Class("check").Attr("checked", boolAttr(checked)).OnChange(onChange, app.EventScope(id)),
		app.Elem("label").Attr("for", id).Body(
			app.Elem("span").Text(label),
			app.If(note != "", func() app.UI { return app.Elem("span").Class("choice-sub").Text(note) }),
		),
	)
}

func th(s string) app.UI { return app.Elem("th").Attr("scope", "col").Text(s) }

func td(s string) app.UI { return app.Elem("td").Text(s) }

func itoa(i int) string { return strconv.Itoa(i) }

// childFields are the children's month fields of a profile, one more
// empty one to fill in when there are none.
func childFields(p score.Profile) []string {
	var kids []string
	for _, d := range p.ChildBirths() {
		kids = append(kids, score.MonthOf(d).String())
	}
	if len(kids) == 0 {
		kids = []string{""}
	}
	return kids
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// childrenInputs are the children's birth months: a month field each,
// with a button to remove it, and one to add another, up to
// score.MaxChildren; onChange gets the fields as they are. get reads the
// fields when a handler runs (go-app keeps an element's first handler, so
// a handler must not hold the fields of its render).
func childrenInputs(id string, get func() []string, onChange func(ctx app.Context, kids []string)) app.UI {
	kids := get()
	change := func(i int, remove bool) app.EventHandler {
		return func(ctx app.Context, e app.Event) {
			cur := append([]string(nil), get()...)
			if i >= len(cur) {
				return
			}
			switch {
			case remove:
				cur = append(cur[:i], cur[i+1:]...)
				if len(cur) == 0 {
					cur = []string{""}
				}
			default:
				cur[i] = ctx.JSSrc().Get("value").String()
			}
			onChange(ctx, cur)
		}
	}
	return app.Elem("div").Class("kids-list").Body(
		app.Range(kids).Slice(func(i int) app.UI {
			fid := id
			if i > 0 {
				fid = id + "-" + strconv.Itoa(i+1)
			}
			return app.Elem("div").Class("kid-row").Body(
				app.Elem("label").Attr("for", fid).Class("kid-label").Text("孩子 "+strconv.Itoa(i+1)),
				app.ElemSelfClosing("input").Attr("type", "month").ID(fid).Class("text-input").Attr("value", kids[i]).
					Attr("data-testid", "child-birth").OnChange(change(i, false), app.EventScope(fid)),
				app.If(kids[i] != "" || len(kids) > 1, func() app.UI {
					return app.Elem("button").Attr("type", "button").Class("btn btn-small btn-ghost").Aria("label", "删除第 "+strconv.Itoa(i+1)+" 个孩子").
						Text("删除").OnClick(change(i, true), app.EventScope(fid, "x"))
				}),
			)
		}),
		app.If(len(kids) < score.MaxChildren && kids[len(kids)-1] != "", func() app.UI {
			return app.Elem("button").Attr("type", "button").Class("btn btn-small").Attr("data-testid", "add-child").Text("再加一个孩子").
				OnClick(func(ctx app.Context, e app.Event) {
					if cur := get(); len(cur) < score.MaxChildren {
						onChange(ctx, append(append([]string(nil), cur...), ""))
					}
				}, app.EventScope(id, "add"))
		}),
	)
}
