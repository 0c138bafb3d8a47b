package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the day y-m-d, or an error when it does not exist.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, ErrDate
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		return Date{}, ErrDate
	}
	return Date{y, m, d}, nil
}

// DateOf returns the day of t, in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Days returns the number of days since 1 January 1970 (negative before).
func (d Date) Days() int { return int(d.Time().Unix() / 86400) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Days() < e.Days() }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Days() > e.Days() }

// String prints d the Italian way, dd/mm/yyyy; the zero Date prints empty.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// ParseDate reads a date written as dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
// dd.mm.yyyy or yyyy-mm-dd. Surrounding spaces are ignored. The error wraps
// ErrDate.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q %w", s, ErrDate)
	if s == "" {
		return Date{}, bad
	}
	sep := byte(0)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '/' || c == '-' || c == '.' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return Date{}, bad
	}
	parts := strings.Split(s, string(sep))
	if len(parts) != 3 {
		return Date{}, bad
	}
	nums := make([]int, 3)
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return Date{}, bad
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || strings.ContainsAny(p, "+-") {
			return Date{}, bad
		}
		nums[i] = n
	}
	var d Date
	var err error
	switch {
	case sep == '-' && len(parts[0]) == 4:
		d, err = NewDate(nums[0], time.Month(nums[1]), nums[2])
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		d, err = NewDate(nums[2], time.Month(nums[1]), nums[0])
	default:
		return Date{}, bad
	}
	if err != nil {
		return Date{}, bad
	}
	return d, nil
}

// DateFromSerial converts an Excel serial day number to a Date. With
// date1904 the workbook counts from 1 January 1904, otherwise from
// 30 December 1899 (Excel's 1900 system, including its phantom 29/02/1900).
func DateFromSerial(serial float64, date1904 bool) (Date, error) {
	if serial < 1 || serial > 2958465 {
		return Date{}, ErrDate
	}
	days := int(serial) // the fraction is a time of day
	var base time.Time
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if days < 60 { // before Excel's non-existent 29/02/1900 (60 itself reads as 28/02)
			days++
		}
	}
	return DateOf(base.AddDate(0, 0, days)), nil
}
