//go:build race

package workbook

// raceDetector: the race detector slows reading several times, so time
// bounds are not held under it (the allocation bounds still are).
const raceDetector = true
