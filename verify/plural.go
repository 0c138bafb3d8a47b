package verify

import "fmt"

// plural says "1 tabella", "2 tabelle".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
