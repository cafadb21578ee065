package app

import (
	"strings"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/batch"
	"jifen/score"
)

// batchPage is /batch, for an employer's HR office: a staff table pasted
// or opened (../shared/batch.md) is scored in the browser, row by row,
// and shown as a table with counts, a filter and sorting; it exports as
// CSV (batch.Export, the bytes `jifen batch` writes) and prints on A4. The
// table never leaves the device; it is kept in local storage only when
// the officer ticks 保存在这台设备上.
//
// The page is mostly HTML written by batch_html.go (app.Raw, escaped),
// with one handler per event on its two sections that looks at the
// event's target: a go-app element per cell of a 50-row table would cost
// app.wasm tens of kilobytes and the browser thousands of nodes to diff.
type batchPage struct {
	app.Compo

	text   string // the table as read: pasted, from a file or saved
	source string // where it came from, as the page says it
	// job numbers the tables read: a newer one stops the scoring of an
	// older one (the scoring runs in a goroutine, in slices).
	job     atomic.Int64
	scoring bool
	slow    bool // scoring has taken more than half a second: progress shown
	done    int  // rows scored so far
	rows    int  // rows to score

	table  *batch.Table
	outs   []batch.Outcome
	today  score.Date
	counts batch.Counts

	filter   string // one of the filters' values
	sortKey  string // one of the sort keys
	sortDesc bool
	view     []int // the rows shown, as indexes of outs: filtered and sorted
	page     int   // of view, pageSize rows each
	nameRank []int // each row's place by name

	keep     bool   // 保存在这台设备上 is ticked
	saved    bool   // a table is kept in local storage
	note     string // what the last storage action did
	fileErr  string
	printing bool
	// focus is the control to focus again once the results are drawn
	// anew (a sort button, a filter, a page button).
	focus string
}

// pageSize is how many rows the table draws at once.
const pageSize = 50

// slowAfter is when the page starts to show its progress.
const slowAfter = 500 * time.Millisecond

// The ids of the page's inputs.
const (
	pasteID = "batch-paste"
	fileID  = "batch-file"
	keepID  = "batch-keep"
)

var (
	_ app.Navigator = (*batchPage)(nil)
	_ app.Mounter   = (*batchPage)(nil)
)

func (c *batchPage) OnNav(ctx app.Context) {
	setMeta(ctx, PathBatch)
	if c.filter == "" {
		c.filter, c.sortKey = filterAll, sortLine
	}
	// 清除我的数据 (and its 撤销) reopens the page: the tick follows
	// whether the table is still kept on the device
	if _, kept := rawItem(storeBatch); c.Mounted() && kept != c.saved {
		c.keep, c.saved = kept, kept
		domSet(ctx, "#"+keepID, "checked", kept)
	}
}

// OnMount takes what was pasted while the app was loading, or restores
// a saved table.
func (c *batchPage) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	fields, _ := takePending()
	for _, f := range fields {
		if f.id == pasteID && f.value != "" {
			setPasteBox(ctx, f.value)
			c.start(ctx, f.value, "粘贴的表格")
			return
		}
	}
	// the saved table (storeBatch), only when the officer ticked 保存在这台设备上
	if saved := readText(ctx, storeBatch); saved != "" {
		c.keep, c.saved = true, true
		domSet(ctx, "#"+keepID, "checked", true)
		if len(saved) <= maxBoxBytes {
			setPasteBox(ctx, saved)
		}
		c.start(ctx, saved, "保存在这台设备上的名单")
	}
}

// start reads and scores a table. The scoring runs in slices of about
// 40 ms, yielding to the browser between them, so that the page stays
// responsive; past half a second it shows its progress.
func (c *batchPage) start(ctx app.Context, text, source string) {
	job := c.job.Add(1)
	c.text, c.source, c.fileErr = text, source, ""
	c.table, c.outs, c.view, c.page, c.nameRank = nil, nil, nil, 0, nil
	c.scoring, c.slow, c.done, c.rows = strings.TrimSpace(text) != "", false, 0, 0
	c.store(ctx)
	if !c.scoring {
		return
	}
	begin := time.Now()
	ctx.After(slowAfter, func(ctx app.Context) {
		if c.job.Load() == job && c.scoring {
			c.slow = true
		}
	})
	ctx.Async(func() {
		time.Sleep(time.Millisecond) // the page says it is reading first
		tab := batch.Split(text)
		today := score.Today()
		outs := make([]batch.Outcome, len(tab.Rows))
		slice := time.Now()
		for i := range tab.Rows {
			tab.ReadRow(i)
			outs[i] = tab.Score(i, today)
			if time.Since(slice) < 40*time.Millisecond {
				continue
			}
			if c.job.Load() != job {
				return // a newer table
			}
			n, slow := i+1, time.Since(begin) >= slowAfter
			ctx.Dispatch(func(ctx app.Context) {
				if c.job.Load() == job {
					c.done, c.rows, c.slow = n, len(outs), c.slow || slow
				}
			})
			time.Sleep(time.Millisecond) // the browser draws and takes input
			slice = time.Now()
		}
		ctx.Dispatch(func(ctx app.Context) {
			if c.job.Load() != job {
				return
			}
			c.table, c.outs, c.today, c.scoring = tab, outs, today, false
			c.counts = batch.Count(outs)
			c.refresh()
		})
	})
}

// store keeps the table in local storage when 保存在这台设备上 is ticked
// (an empty box removes it).
func (c *batchPage) store(ctx app.Context) {
	if !c.keep || !app.IsClient {
		return
	}
	if strings.TrimSpace(c.text) == "" {
		ctx.LocalStorage().Del(storeBatch)
		c.saved = false
		return
	}
	if err := ctx.LocalStorage().Set(storeBatch, c.text); err != nil {
		ctx.LocalStorage().Del(storeBatch)
		c.keep, c.saved = false, false
		domSet(ctx, "#"+keepID, "checked", false)
		c.note = "名单太大，这台设备存不下，没有保存。"
		return
	}
	c.saved = true
}

// forget removes the saved table.
func (c *batchPage) forget(ctx app.Context) {
	ctx.LocalStorage().Del(storeBatch)
	had := c.saved
	c.keep, c.saved, c.note = false, false, ""
	domSet(ctx, "#"+keepID, "checked", false)
	if had {
		c.note = "已删除保存在这台设备上的名单；页面上的表格在关闭页面后消失。"
	}
}

// onEvent is the page's one handler of paste, input, change and click
// events,
// by their target: the paste box (scored at once for a paste, after a
// pause in typing otherwise), the file picker, 保存在这台设备上, a filter,
// and the buttons, by their data-act.
func (c *batchPage) onEvent(ctx app.Context, e app.Event) {
	el := e.Get("target")
	id, typ := el.Get("id").String(), e.Get("type").String()
	c.printing = false // the print view stays drawn until the next action
	switch {
	case typ == "paste" && id == pasteID:
		// a long table is read from the clipboard, not drawn in the box:
		// a textarea takes seconds to lay out ten thousand lines
		if text := e.Get("clipboardData").Call("getData", "text/plain").String(); len(text) > maxBoxBytes {
			e.PreventDefault()
			c.start(ctx, text, "粘贴的表格（较长，没有显示在上面的框里）")
		}
	case typ == "input" && id == pasteID:
		text := el.Get("value").String()
		if e.Get("inputType").String() == "insertFromPaste" {
			c.start(ctx, text, "粘贴的表格")
			return
		}
		job := c.job.Add(1)
		ctx.After(300*time.Millisecond, func(ctx app.Context) {
			if c.job.Load() == job {
				c.start(ctx, text, "粘贴的表格")
			}
		})
	case typ == "click":
		c.onButton(ctx, el.Call("closest", "button[data-act]"))
	case typ != "change":
	case id == fileID:
		if files := el.Get("files"); files.Length() > 0 {
			c.readFile(ctx, files.Index(0))
		}
		el.Set("value", "") // the same file chosen again is read again
	case id == keepID:
		c.keep = el.Get("checked").Bool()
		if !c.keep {
			c.forget(ctx)
			return
		}
		c.note = ""
		if c.store(ctx); c.saved {
			c.note = "已保存在这台设备上，下次打开本页还在。"
		}
	case strings.HasPrefix(id, "batch-filter-"):
		c.filter, c.focus = id[len("batch-filter-"):], "#"+id
		c.refresh()
		c.refocus(ctx)
	}
}

// onButton does what a button says (data-act).
func (c *batchPage) onButton(ctx app.Context, btn app.Value) {
	if !btn.Truthy() {
		return
	}
	act, key := btn.Call("getAttribute", "data-act").String(), btn.Call("getAttribute", "data-key").String()
	switch act {
	case "template":
		saveFile(batch.Template(), "居住证积分批量计算模板.csv")
	case "forget":
		c.forget(ctx)
	case "export":
		saveFile(batch.Export(c.table, c.outs, c.today), "居住证积分批量计算-"+c.today.String()+".csv")
	case "print":
		c.printing = true
		ctx.Defer(func(ctx app.Context) { app.Window().Call("print") })
	case "sort":
		c.sortDesc = c.sortKey == key && !c.sortDesc
		c.sortKey = key
		c.refresh()
	case "prev":
		c.page = max(c.page-1, 0)
	case "next":
		c.page = min(c.page+1, (len(c.view)-1)/pageSize)
	}
	c.focus = `[data-act="` + act + `"][data-key="` + key + `"]`
	c.refocus(ctx)
}

// refocus gives the focus back to the control pressed once the results
// are drawn anew (they are replaced as a whole).
func (c *batchPage) refocus(ctx app.Context) {
	if sel := c.focus; sel != "" {
		c.focus = ""
		ctx.Defer(func(app.Context) {
			if el := app.Window().Get("document").Call("querySelector", "#batch-results "+sel+":not([disabled])"); el.Truthy() {
				el.Call("focus")
			}
		})
	}
}

func (c *batchPage) Render() app.UI {
	class := "batch-page"
	if c.printing {
		class += " printing"
	}
	// one handler per event for the whole page, and one live region (see
	// batchPage); the rest is HTML
	return sitePage(PathBatch, class, app.Elem("div").
		OnInput(c.onEvent).OnChange(c.onEvent).OnClick(c.onEvent).OnPaste(c.onEvent).Body(
		app.Raw(batchInputHTML),
		app.Elem("div").Class("batch-live").Role("status").Body(app.Raw(c.liveHTML())),
		app.Raw(c.resultsHTML()),
	))
}
