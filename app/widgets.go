package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

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
// current value when a button is pressed, so quick presses all count.
func stepper(id, label, unit string, get func() int, min, max int, onSet func(ctx app.Context, v int)) app.UI {
	value := get()
	set := func(delta int) func(ctx app.Context, e app.Event) {
		return func(ctx app.Context, e app.Event) {
			onSet(ctx, clamp(get()+delta, min, max))
		}
	}
	return app.Elem("div").Class("stepper").Body(
		app.Elem("label").Attr("for", id).Class("stepper-label").Text(label),
		app.Elem("div").Class("stepper-row").Body(
			app.Elem("button").Attr("type", "button").Class("btn step-btn").Aria("label", "减少 1 "+unit).Text("−").
				Attr("disabled", boolAttr(value <= min)).OnClick(set(-1), app.EventScope(id)),
			app.ElemSelfClosing("input").Attr("type", "number").ID(id).Class("step-input").Attr("inputmode", "numeric").
				Attr("min", min).Attr("max", max).Attr("step", 1).Attr("value", value).
				OnInput(func(ctx app.Context, e app.Event) {
					s := ctx.JSSrc().Get("value").String()
					if v, err := strconv.Atoi(s); err == nil {
						onSet(ctx, clamp(v, min, max))
					}
				}, app.EventScope(id)),
			app.Elem("span").Class("unit").Text(unit),
			app.Elem("button").Attr("type", "button").Class("btn step-btn").Aria("label", "增加 1 "+unit).Text("+").
				Attr("disabled", boolAttr(value >= max)).OnClick(set(+1), app.EventScope(id)),
		),
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
