package synthcorpus_test

import (
	"bytes"
	"fmt"

	"github.com/ipgraph/ipgraph/loaders/synthcorpus"
)

// The first lines of the first document of seed 1: a press-conference
// transcript.
func Example() {
	g, err := synthcorpus.New(synthcorpus.Options{Seed: 1, Documents: 10000})
	if err != nil {
		panic(err)
	}
	name, text := g.Document(0)
	fmt.Println(name)
	for _, line := range bytes.SplitN(text, []byte("\n"), 12)[:11] {
		fmt.Printf("%s\n", line)
	}
	// Output:
	// synth-000000-transcript.txt
	// Press conference of the National Development and Reform Commission on patent pledge financing
	//
	// Date: September 1, 2015
	//
	// Speakers:
	// Hao Lei, director of the National Development and Reform Commission (NDRC)
	// Yang Zhinan, deputy director of the National Development and Reform Commission
	// Ding Huanhao, head of the Ministry of Commerce (MOFCOM)
	// Chairperson:
	// Liang Xu, spokesperson of the State Council Information Office (SCIO)
}
