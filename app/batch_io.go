package app

import (
	"errors"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/batch"
)

// What /batch reads from and writes to the browser: files, drops, the
// paste box and downloads. Nothing goes to any server: a file is read
// with the File API, GB18030/GBK is decoded by the browser's TextDecoder
// (no Go table in app.wasm), an export is a Blob the browser saves.

// maxFileBytes is the largest file the page reads; maxBoxBytes the
// longest text it shows in the paste box.
const (
	maxFileBytes = 20 << 20
	maxBoxBytes  = 16 << 10
)

// readFile reads a file in the browser, then scores it.
func (c *batchPage) readFile(ctx app.Context, f app.Value) {
	name := f.Get("name").String()
	if size := f.Get("size").Int(); size > maxFileBytes {
		c.fileErr = "文件“" + name + "”有 " + strconv.Itoa(size>>20) + " MB，太大了：最多读取 " + strconv.Itoa(maxFileBytes>>20) + " MB"
		return
	}
	c.fileErr = ""
	f.Call("arrayBuffer").Then(func(buf app.Value) {
		u8 := app.Window().Get("Uint8Array").New(buf)
		data := make([]byte, u8.Length())
		app.CopyBytesToGo(data, u8)
		ctx.Dispatch(func(ctx app.Context) {
			text, enc, err := batch.Decode(data, gb18030)
			if err != nil {
				c.fileErr = "文件“" + name + "”的编码无法识别：请在 Excel 里“另存为”CSV UTF-8 再试"
				return
			}
			if len(text) <= maxBoxBytes {
				setPasteBox(ctx, text) // not a long one: seconds of layout
			}
			c.start(ctx, text, "文件“"+name+"”（"+enc+" 编码）")
		})
	})
}

// gb18030 decodes GB18030 (GBK, GB2312) with the browser's TextDecoder.
func gb18030(b []byte) (string, error) {
	w := app.Window()
	td := w.Get("TextDecoder")
	if !td.Truthy() {
		return "", errors.New("no TextDecoder")
	}
	u8 := w.Get("Uint8Array").New(len(b))
	app.CopyBytesToJS(u8, b)
	return td.New("gb18030").Call("decode", u8).String(), nil
}

// setPasteBox puts text into the paste box (its value is the DOM's: the
// page never redraws the box).
func setPasteBox(ctx app.Context, text string) { domSet(ctx, "#"+pasteID, "value", text) }

// domSet sets a property of an element the page never redraws, once it
// is drawn.
func domSet(ctx app.Context, sel, prop string, v any) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().Get("document").Call("querySelector", sel); el.Truthy() {
			el.Set(prop, v)
		}
	})
}

// saveFile has the browser save data as a file.
func saveFile(data []byte, name string) {
	w := app.Window()
	arr := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	url := w.Get("URL")
	u := url.Call("createObjectURL", w.Get("Blob").New([]any{arr}))
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", u)
	a.Set("download", name)
	a.Call("click")
	w.Call("setTimeout", url.Get("revokeObjectURL").Call("bind", url, u), 10000)
}
