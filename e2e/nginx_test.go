package e2e

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// backend starts a copy of the site: bin/server, or the static export
// served by nginx with the server block from deploy/.
type backend struct {
	name  string
	start func(testing.TB) *server
}

func backends(t *testing.T) []backend {
	bs := []backend{{"server", startServer}}
	if nginxPath != "" && distDir != "" {
		bs = append(bs, backend{"nginx", startNginx})
	} else {
		t.Log("static export not tested: no nginx or JIFEN_DIST")
	}
	return bs
}

// startNginx serves distDir with deploy/nginx.conf on a free loopback port.
func startNginx(t testing.TB) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	block, err := os.ReadFile(filepath.Join("..", "deploy", "nginx.conf"))
	require.NoError(t, err)
	conf := string(block)
	for old, repl := range map[string]string{
		"listen 8080;":          fmt.Sprintf("listen 127.0.0.1:%d;", port),
		"root /srv/jifen/dist;": "root " + distDir + ";",
	} {
		require.Contains(t, conf, old, "deploy/nginx.conf changed: update the test")
		conf = strings.Replace(conf, old, repl, 1)
	}
	dir := t.TempDir()
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;\n" // the export may sit in a folder only root can read
	}
	main := user + `daemon off;
master_process off;
worker_processes 1;
error_log stderr warn;
pid ` + dir + `/nginx.pid;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ` + dir + `/body;
    proxy_temp_path ` + dir + `/proxy;
    fastcgi_temp_path ` + dir + `/fastcgi;
    uwsgi_temp_path ` + dir + `/uwsgi;
    scgi_temp_path ` + dir + `/scgi;
    include ` + dir + `/server.conf;
}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "server.conf"), []byte(conf), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(main), 0o644))
	cmd := exec.Command(nginxPath, "-c", filepath.Join(dir, "nginx.conf"), "-p", dir)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	s := &server{URL: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd}
	t.Cleanup(s.stop)
	require.Eventually(t, func() bool {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
		}
		return err == nil
	}, 10*time.Second, 50*time.Millisecond, "nginx did not start")
	return s
}
