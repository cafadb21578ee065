package app

import (
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/app/qrsvg"
	"jifen/score"
)

// The share sheet of /result: the link, a QR code of it and a poster
// (a PNG drawn on a canvas in the browser) that a phone can save or
// long-press into WeChat. Nothing is sent anywhere: the answers travel
// only in the link's fragment, and only when the visitor sends it.

// renderSheet is the share sheet, when open.
func (c *resultPage) renderSheet() app.UI {
	if !c.sheet {
		return nil
	}
	u := c.shareURL()
	qr, err := qrSVG(u)
	return app.Elem("section").ID("share-sheet").Class("card share-sheet").Aria("labelledby", "share-title").Body(
		app.Elem("h2").ID("share-title").TabIndex(-1).Text(map[bool]string{true: "分享这个结果", false: "分享我的结果"}[c.pp.src == srcShared]),
		app.Elem("p").Class("small muted").Text("链接里带着这些答案（在 # 后面，浏览器不会把它发给任何服务器，包括本站）；收到链接或扫码的人能看到这些答案和积分。"),
		app.Elem("div").Class("share-row").Body(
			app.ElemSelfClosing("input").Attr("type", "text").Attr("readonly", boolAttr(true)).ID("share-url").Class("share-url").
				Aria("label", "分享链接").Attr("value", u),
			app.Elem("button").Attr("type", "button").Class("btn btn-primary").ID("copy-link").Text("复制链接").OnClick(c.copyLink),
		),
		app.If(c.copied != "", func() app.UI { return app.Elem("p").Role("status").Class("small").Text(c.copied) }),
		app.If(err == nil, func() app.UI {
			return app.Elem("figure").Class("share-qr").Body(
				app.Elem("div").Class("qr").Attr("data-testid", "share-qr").Role("img").Aria("label", "本结果链接的二维码").Body(app.Raw(qr)),
				app.Elem("figcaption").Class("small muted").Text("用微信扫一扫即可打开这个结果。"),
			)
		}),
		app.Elem("div").Class("row").Body(
			app.Elem("button").Attr("type", "button").Class("btn").Attr("data-testid", "share-poster").Text("保存图片").OnClick(c.makePoster),
			app.If(canSystemShare(), func() app.UI {
				return app.Elem("button").Attr("type", "button").Class("btn btn-ghost").Text("用手机分享…").OnClick(c.systemShare)
			}),
		),
		app.Elem("div").ID("poster-out").Class("poster-out"),
	)
}

// copyResult is how a copy to the clipboard went.
type copyResult int

const (
	copied      copyResult = iota
	copyFailed             // the browser refused
	noClipboard            // there is no clipboard to write to
)

// copyText puts text on the clipboard and tells done, in the app's
// goroutine, how it went.
func copyText(ctx app.Context, text string, done func(ctx app.Context, res copyResult)) {
	cb := app.Window().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		done(ctx, noClipboard)
		return
	}
	var ok, fail app.Func
	settle := func(res copyResult) app.Func {
		return app.FuncOf(func(this app.Value, args []app.Value) any {
			ok.Release()
			fail.Release()
			ctx.Dispatch(func(ctx app.Context) { done(ctx, res) })
			return nil
		})
	}
	ok, fail = settle(copied), settle(copyFailed)
	cb.Call("writeText", text).Call("then", ok, fail)
}

// copyLink copies the share link, or selects it where it cannot.
func (c *resultPage) copyLink(ctx app.Context, e app.Event) {
	copyText(ctx, c.shareURL(), func(ctx app.Context, res copyResult) {
		switch res {
		case copied:
			c.copied = "链接已复制，可以粘贴发给家人朋友。"
			return
		case copyFailed:
			c.copied = "无法自动复制：请长按上面的链接手动复制。"
		default:
			c.copied = "请长按上面的链接手动复制。"
		}
		selectShareURL()
	})
}

func selectShareURL() {
	if el := app.Window().Get("document").Call("getElementById", "share-url"); el.Truthy() {
		el.Call("focus")
		el.Call("select")
	}
}

func canSystemShare() bool {
	return app.IsClient && app.Window().Get("navigator").Get("share").Truthy()
}

func (c *resultPage) systemShare(ctx app.Context, e app.Event) {
	nav := app.Window().Get("navigator")
	nav.Call("share", map[string]any{"title": "我的上海居住证积分", "url": c.shareURL()}).
		Call("catch", app.FuncOf(func(this app.Value, args []app.Value) any { return nil }))
}

// posterLines are the texts of the poster, top to bottom: the total, the
// distance to 120 and the three largest items. No birth date, no age.
func posterLines(r *score.Result, label string) []string {
	lines := []string{SiteName, label, strconv.Itoa(r.Total) + " 分", gapText(r)}
	items := append([]score.Item(nil), r.Items...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].Points > items[j].Points })
	for i, it := range items {
		if i == 3 || it.Points <= 0 {
			break
		}
		lines = append(lines, it.Name+" "+signed(it.Points)+" 分")
	}
	return lines
}

// makePoster draws the poster on a canvas and shows it as a PNG image,
// with a link to save it.
func (c *resultPage) makePoster(ctx app.Context, e app.Event) {
	doc := app.Window().Get("document")
	out := doc.Call("getElementById", "poster-out")
	if !out.Truthy() {
		return
	}
	lines := posterLines(&c.res, strings.Replace(heroLabel(&c.pp), "您的", "我的", 1))
	const w, h = 750, 1100
	cv := doc.Call("createElement", "canvas")
	cv.Set("width", w)
	cv.Set("height", h)
	g := cv.Call("getContext", "2d")
	font := `"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`
	text := func(s string, x, y int, size int, weight, color, align string) {
		g.Set("font", weight+" "+strconv.Itoa(size)+"px "+font)
		g.Set("fillStyle", color)
		g.Set("textAlign", align)
		g.Call("fillText", s, x, y)
	}
	g.Set("fillStyle", "#ffffff")
	g.Call("fillRect", 0, 0, w, h)
	g.Set("fillStyle", "#0f6b5c")
	g.Call("fillRect", 0, 0, w, 120)
	text(lines[0], w/2, 78, 40, "bold", "#ffffff", "center")
	text(lines[1], w/2, 200, 34, "normal", "#55615c", "center")
	text(lines[2], w/2, 330, 120, "bold", "#0a5246", "center")
	text(lines[3], w/2, 400, 34, "bold", "#b7791f", "center")
	y := 480
	if c.res.Vetoed || c.res.Retired {
		text(c.status, w/2, y, 30, "bold", "#a32020", "center")
		y += 60
	}
	if len(lines) > 4 {
		text("积分最多的几项", 90, y, 26, "normal", "#55615c", "left")
		y += 50
	}
	for _, l := range lines[4:] {
		text(l, 90, y, 32, "normal", "#1b2420", "left")
		y += 52
	}
	if m := qrModules(c.shareURL()); len(m) > 0 {
		size := 300
		cell := size / (len(m) + 8)
		size = cell * (len(m) + 8)
		x0, y0 := (w-size)/2, 680
		g.Set("fillStyle", "#000000")
		for r, row := range m {
			for col, dark := range row {
				if dark {
					g.Call("fillRect", x0+(col+4)*cell, y0+(r+4)*cell, cell, cell)
				}
			}
		}
		text("微信扫码查看每一分的来历", w/2, y0+size+40, 28, "normal", "#55615c", "center")
	}
	text("计算日期 "+dayText(c.res.AsOf)+" · 依据公开资料计算，仅供参考", w/2, h-30, 22, "normal", "#55615c", "center")
	url := cv.Call("toDataURL", "image/png").String()
	alt := "积分海报：" + strings.Join(lines[1:], "，")
	out.Set("innerHTML", "")
	img := doc.Call("createElement", "img")
	img.Set("src", url)
	img.Set("alt", alt)
	img.Call("setAttribute", "data-testid", "poster-img")
	img.Call("setAttribute", "data-lines", strings.Join(lines, "\n"))
	img.Set("className", "poster")
	p := doc.Call("createElement", "p")
	p.Set("className", "small muted")
	p.Set("textContent", "长按图片可以保存，或直接发给微信好友。")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", "我的居住证积分.png")
	a.Set("className", "btn btn-small")
	a.Set("textContent", "下载图片")
	out.Call("append", img, p, a)
	scrollIntoView(img, "start")
}

// qrSVG is the QR code of a link as SVG.
func qrSVG(text string) (string, error) { return qrsvg.SVG(text) }

// qrModules is the QR code of a link as rows of dark modules, without the
// quiet zone.
func qrModules(text string) [][]bool {
	code, err := qrsvg.Encode(text)
	if err != nil {
		return nil
	}
	m := make([][]bool, code.Size)
	for y := range m {
		m[y] = make([]bool, code.Size)
		for x := range m[y] {
			m[y][x] = code.Dark(x, y)
		}
	}
	return m
}
