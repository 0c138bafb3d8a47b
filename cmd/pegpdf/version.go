package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// version and commit are stamped by the release script:
//
//	go build -trimpath -ldflags "-X main.version=1.2.0 -X main.commit=abc1234" ./cmd/pegpdf
var (
	version = ""
	commit  = ""
)

// versionLine is what «pegpdf versione» and «pegpdf --versione» print:
// "1.2.0 (commit abc1234, go1.26.8, windows/amd64)". A build without the
// stamp says it was built from the sources.
func versionLine() string {
	v, c := version, commit
	info, _ := debug.ReadBuildInfo()
	if v == "" {
		v = "sviluppo"
		if info != nil && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version // go install …@v1.2.0
		}
	}
	if c == "" && info != nil {
		for _, kv := range info.Settings { // a build in a git checkout
			if kv.Key == "vcs.revision" {
				c = kv.Value[:min(12, len(kv.Value))]
			}
		}
	}
	if c == "" {
		c = "non indicato"
	}
	return fmt.Sprintf("%s (commit %s, %s, %s/%s)", v, c, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func versionFlag() cli.Flag {
	return &cli.BoolFlag{Name: "version", Aliases: []string{"versione", "v"}, Usage: "mostra la versione"}
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:    "version",
		Aliases: []string{"versione"},
		Usage:   "mostra la versione di pegpdf e da quale commit è stato costruito",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("«versione» non prende argomenti")
			}
			fmt.Fprintln(c.App.Writer, "pegpdf "+versionLine())
			return nil
		},
	}
}
