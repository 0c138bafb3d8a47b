// Package nearest finds the name a person probably meant: the edit
// distance behind «forse …?» in the command line's suggestions and in the
// mapping file's. It owns nothing else and imports only the standard
// library.
package nearest

// Distance is the edit distance of a and b: letters inserted, deleted,
// replaced, or two next to each other swapped.
func Distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	if len(x) > 256 || len(y) > 256 {
		if a == b {
			return 0
		}
		return max(len(x), len(y)) // a header that long is no typo
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
