package model

import (
	"sort"
	"testing"
)

func TestNaturalLess(t *testing.T) {
	codes := []string{"2019_ZN10", "2019_ZN2", "2019_ZN1", "2019_LP3", "2019_ZN02", "2019_ZN", "2018_ZN5"}
	sort.SliceStable(codes, func(i, j int) bool { return NaturalLess(codes[i], codes[j]) })
	want := []string{"2018_ZN5", "2019_LP3", "2019_ZN", "2019_ZN1", "2019_ZN2", "2019_ZN02", "2019_ZN10"}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("got %v, want %v", codes, want)
		}
	}
}

func TestSortForBooklet(t *testing.T) {
	objs := []*Objective{
		{Code: "2019_ZN10", Direction: "SERVIZI SOCIALI", Service: "B"},
		{Code: "2019_ZN2", Direction: "SERVIZI SOCIALI", Service: "B"},
		{Code: "2019_LP1", Direction: "LAVORI PUBBLICI", Service: "Z"},
		{Code: "2019_ZN1", Direction: "Servizi sociali", Service: "A"},
	}
	SortForBooklet(objs)
	var got []string
	for _, o := range objs {
		got = append(got, o.Code)
	}
	want := []string{"2019_LP1", "2019_ZN1", "2019_ZN2", "2019_ZN10"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
