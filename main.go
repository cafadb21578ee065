// Command jifen-site is the 上海居住证积分计算器 web app: compiled to
// WebAssembly it is the whole calculator, running in the browser; compiled
// natively it is bin/server, the small static server of package server.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "jifen/app"
)

func main() {
	ui.Register()
	app.RunWhenOnBrowser() // in the browser: runs the UI, never returns
	serve()
}
