package wasmexec

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMatchesToolchain fails when wasm_exec.js differs from the one of the
// Go toolchain that builds app.wasm; run `make wasm_exec` to update it.
func TestMatchesToolchain(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err, "go env GOROOT")
	path := filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js")
	want, err := os.ReadFile(path)
	require.NoError(t, err, "reading the toolchain's wasm_exec.js")
	require.True(t, string(want) == string(JS), "wasm_exec/wasm_exec.js differs from %s: run `make wasm_exec`", path)
}
