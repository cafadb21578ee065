// Package wasmexec holds the Go toolchain's wasm_exec.js, which the server
// serves at /wasm_exec.js ahead of go-app's own copy. A test fails when it
// drifts from $(go env GOROOT)/lib/wasm/wasm_exec.js; `make wasm_exec`
// copies it again after a Go upgrade.
package wasmexec

import _ "embed"

// JS is the content of wasm_exec.js.
//
//go:embed wasm_exec.js
var JS []byte
