package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// While app.wasm loads, the visitor already sees the pre-rendered page
// and may pick a birth year, type a number or press "下一题". web/boot.js
// records those in window.jifenPending; the page applies them once the
// app runs, so that nothing done during loading is lost.

// pendingField is one value the visitor set before the app ran.
type pendingField struct {
	id, name, typ, value string
	checked              bool
}

// takePending returns, once, what boot.js recorded: the fields in the
// order they were set, and the primary button pressed ("" when none).
func takePending() (fields []pendingField, action string) {
	if !app.IsClient {
		return nil, ""
	}
	w := app.Window()
	pend := w.Get("jifenPending")
	if !pend.Truthy() {
		return nil, ""
	}
	w.Set("jifenPending", nil)
	list := pend.Get("fields")
	for i := 0; i < list.Length(); i++ {
		f := list.Index(i)
		fields = append(fields, pendingField{
			id:      f.Get("id").String(),
			name:    f.Get("name").String(),
			typ:     f.Get("type").String(),
			value:   f.Get("value").String(),
			checked: f.Get("checked").Truthy(),
		})
	}
	if a := pend.Get("action"); a.Truthy() {
		action = a.String()
	}
	return fields, action
}

// startedApp tells boot.js (and the browser tests) that the app runs and,
// once the page is drawn, shows the visitor's own page:
// window.jifenReady takes the number of this page load, which boot.js
// counts.
func startedApp(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		w := app.Window()
		w.Set("jifenReady", w.Get("jifenLoads"))
		w.Get("document").Get("documentElement").Get("dataset").Set("app", "ready")
	})
}
