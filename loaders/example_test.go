package loaders_test

import (
	"context"
	"fmt"

	"github.com/ipgraph/ipgraph/loaders"
)

func ExampleExtractor_Extract() {
	x, err := loaders.NewExtractor()
	if err != nil {
		panic(err)
	}
	doc, err := loaders.ParseDocument("note.txt", []byte("Weekly note\nDate: May 6, 2022\n"+
		"Zhao Lan, spokesperson of the Ministry of Commerce, said exports of licensed software reached 3.2 billion yuan in 2021."))
	if err != nil {
		panic(err)
	}
	ext, err := x.Extract(context.Background(), doc)
	if err != nil {
		panic(err)
	}
	for _, e := range ext.Entities {
		fmt.Println("entity:", e.ID, e.Type)
	}
	for _, s := range ext.Statistics {
		fmt.Printf("statistic: %s = %.0f %s (%s)\n", s.Metric, s.Value, s.Unit, s.Period)
	}
	for _, r := range ext.Relations {
		fmt.Println("relation:", r.Subject, r.Predicate, r.Object)
	}
	// Output:
	// entity: zhao_lan Person
	// entity: mofcom Agency
	// statistic: exports of licensed software = 3200000000 yuan (2021)
	// relation: zhao_lan memberOf mofcom
}
