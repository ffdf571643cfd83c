package timex_test

import (
	"fmt"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
	"github.com/ipgraph/ipgraph/loaders/internal/timex"
)

// Recognize gives underspecified values; Analyze resolves them against
// the document's date.
func ExampleRules_Analyze() {
	rs, err := timex.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range rs.Recognize("In the first half of last year, filings rose 12% over the same period a year earlier.") {
		fmt.Printf("recognized %q by %s: %s\n", e.Text, e.Rule, e.Value)
	}
	texts := []string{
		"In the first half of last year, filings rose 12% over the same period a year earlier.",
		"By the end of that year, 3.1 million patents were in force.",
	}
	sents, _ := rs.Analyze(timex.Doc{Date: "2024-03-05", Genre: timex.News}, texts, []text.Break{text.Same, text.Same})
	for _, s := range sents {
		for _, e := range s.Exprs {
			fmt.Printf("%q → %s, %s\n", e.Text, e.Period, e.Role)
		}
	}
	// Output:
	// recognized "In the first half of last year" by half: REF[-1]-H1
	// recognized "over the same period a year earlier" by base_same_period: TOPIC[-1]
	// "In the first half of last year" → 2023-H1, point
	// "over the same period a year earlier" → 2022, base
	// "By the end of that year" → 2023-12, point
}
