//go:build wasm

package main

// serve is the server, which the wasm build leaves out.
func serve() {}
