package names_test

import (
	"fmt"

	"github.com/ipgraph/ipgraph/loaders/internal/names"
)

func ExampleIsChineseName() {
	fmt.Println(names.IsChineseName("Shen", "Changyu"))
	fmt.Println(names.IsChineseName("Phil", "Hogan"))
	fmt.Println(names.Syllables("changyu"))
	// Output:
	// true
	// false
	// [chang yu]
}
